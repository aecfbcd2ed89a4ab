package org.gradus.io;

/**
 * A script named a file it may not read or write ({@link FileAccess}). The command line reports it with
 * exit code 4 (forbidden operation). The message names the path as the script wrote it and says what is
 * allowed; it never quotes the contents of the file.
 */
public final class FileAccessDeniedException extends SecurityException {
    private static final long serialVersionUID = 1L;

    public FileAccessDeniedException(String message) {
        super(message);
    }
}
