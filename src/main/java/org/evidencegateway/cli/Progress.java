package org.evidencegateway.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reports progress on stderr while a large file is read: every 10 %, only for files over 64 MiB. */
final class Progress extends FilterInputStream {
    private static final long LARGE = 64L << 20;

    private final long total;
    private final PrintWriter err;
    private long read;
    private int reportedTenths;

    private Progress(InputStream in, long total, PrintWriter err) {
        super(in);
        this.total = total;
        this.err = err;
    }

    static InputStream reading(Path file, PrintWriter err) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        long size = Files.size(file);
        return size > LARGE ? new Progress(in, size, err) : in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
            int tenths = (int) (read * 10 / total);
            if (tenths > reportedTenths) {
                reportedTenths = tenths;
                err.printf("  %d%% (%d of %d MiB)%n", tenths * 10, read >> 20, total >> 20);
                err.flush();
            }
        }
        return n;
    }
}
