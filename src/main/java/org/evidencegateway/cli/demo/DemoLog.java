package org.evidencegateway.cli.demo;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * While the demo runs, the gateway's and case systems' log lines go to a file instead of the console, in the same
 * format (logback.xml), so that the story stays readable; the console appenders come back when it ends.
 */
final class DemoLog implements AutoCloseable {
    private final Logger root;
    private final List<Appender<ILoggingEvent>> console;
    private final FileAppender<ILoggingEvent> file;

    private DemoLog(Logger root, List<Appender<ILoggingEvent>> console, FileAppender<ILoggingEvent> file) {
        this.root = root;
        this.console = console;
        this.file = file;
    }

    /** Sends the log to {@code target}; does nothing if logback is not the logging backend. */
    static DemoLog to(Path target) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new DemoLog(null, List.of(), null);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern(console));
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("demo-file");
        file.setFile(target.toString());
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
        console.forEach(root::detachAppender);
        return new DemoLog(root, console, file);
    }

    @Override
    public void close() {
        if (root != null) {
            console.forEach(root::addAppender);
            root.detachAppender(file);
            file.stop();
        }
    }

    /** The pattern of the configured console appender, so the file reads the same. */
    private static String pattern(List<Appender<ILoggingEvent>> console) {
        for (Appender<ILoggingEvent> appender : console) {
            if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
                    && stream.getEncoder() instanceof PatternLayoutEncoder encoder) {
                return encoder.getPattern();
            }
        }
        return "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{36} - %msg%n";
    }
}
