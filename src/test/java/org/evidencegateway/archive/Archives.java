package org.evidencegateway.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.evidencegateway.error.ArchiveException;
import org.evidencegateway.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads whole archives in tests. */
final class Archives {
    private Archives() {
    }

    /** One entry as read. */
    record Read(String name, boolean directory, byte[] content) {
    }

    static List<Read> readAll(byte[] zip) throws IOException {
        return readAll(zip, ArchiveLimits.DEFAULT);
    }

    static List<Read> readAll(byte[] zip, ArchiveLimits limits) throws IOException {
        return readAll(new ByteArrayInputStream(zip), limits);
    }

    /** Reads every entry's content and calls {@link ArchiveReader#finish()}. */
    static List<Read> readAll(InputStream in, ArchiveLimits limits) throws IOException {
        List<Read> entries = new ArrayList<>();
        try (ArchiveReader reader = new ArchiveReader(in, limits)) {
            for (ArchiveEntry e = reader.next(); e != null; e = reader.next()) {
                entries.add(new Read(e.name(), e.isDirectory(), e.content().readAllBytes()));
            }
            reader.finish();
        }
        return entries;
    }

    /** Asserts that {@code call} throws an {@link ArchiveException} with exactly {@code code}. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(ThrowingCallable call, ErrorCode code) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    /** Walks the archive without reading any content, then calls {@link ArchiveReader#finish()}. */
    static List<String> namesOnly(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ArchiveReader reader = new ArchiveReader(new ByteArrayInputStream(zip), ArchiveLimits.DEFAULT)) {
            for (ArchiveEntry e = reader.next(); e != null; e = reader.next()) {
                names.add(e.name());
            }
            reader.finish();
        }
        return names;
    }
}
