package org.gradus.data;

/** A data file that cannot be read as a table of numbers; the message names the file, line, column and cell. */
public final class DataFileException extends RuntimeException {
    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
