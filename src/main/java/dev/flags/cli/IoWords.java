package dev.flags.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, in words ({@code permission denied}), not a Java exception's name:
 * the JDK's file exceptions carry the operating system's reason, or say it by their type.
 */
final class IoWords {
  private IoWords() {}

  static String of(IOException e) {
    String words =
        switch (e) {
          case AccessDeniedException denied -> "permission denied";
          case NoSuchFileException missing -> "no such file or folder";
          case FileAlreadyExistsException exists -> "a file of that name is in the way";
          case NotDirectoryException notFolder -> "not a folder";
          case FileSystemException other -> reason(other.getReason());
          default -> reason(e.getMessage());
        };
    return words == null ? "input/output error" : words;
  }

  /** The operating system's reason ({@code Read-only file system}) as words in a sentence. */
  private static String reason(String reason) {
    return reason == null ? null : CodeOptions.printable(reason.toLowerCase(Locale.ROOT));
  }
}
