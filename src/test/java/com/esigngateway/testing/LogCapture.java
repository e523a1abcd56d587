package com.esigngateway.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures every log record the gateway writes, formatted with its parameters and its whole cause chain. */
public final class LogCapture extends Handler {

    private static final List<String> TEST_SIDE = List.of("wiremock", "WireMock", "com.github.tomakehurst",
            "org.eclipse.jetty", "org.apache.http", "io.restassured", "com.atlassian", "io.swagger");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setLevel(java.util.logging.Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    public List<String> lines() {
        return lines;
    }

    /** The captured lines that contain any of {@code secrets}. */
    public List<String> linesContainingAnyOf(List<String> secrets) {
        return lines.stream().filter(line -> secrets.stream().anyMatch(line::contains)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (TEST_SIDE.stream().anyMatch(logger::startsWith)) {
            return; // the test's own client and the vendor stand-in, not the gateway
        }
        StringBuilder line = new StringBuilder(logger).append(' ');
        if (record instanceof org.jboss.logmanager.ExtLogRecord extended && !extended.getMdcCopy().isEmpty()) {
            line.append(new java.util.TreeMap<>(extended.getMdcCopy())).append(' ');
        }
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        try {
            line.append(parameters == null || message == null ? message : String.format(message.replace("{0}", "%s"), parameters));
        } catch (RuntimeException e) {
            line.append(message);
        }
        if (parameters != null) {
            for (Object parameter : parameters) {
                line.append(" | ").append(parameter);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
            for (StackTraceElement element : t.getStackTrace()) {
                line.append(' ').append(element);
            }
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
