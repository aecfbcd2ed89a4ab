package org.gradus.maven;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The scripts of a fileset: the files under a folder whose relative paths match one of the include
 * patterns and none of the exclude patterns. Patterns are Ant-style, as in every Maven fileset:
 * {@code *} is any part of one name, {@code ?} one character, {@code **} any number of folders
 * ({@code **}{@code /*.opt} matches {@code a.opt} and {@code models/b.opt}).
 */
final class ScriptFiles {
    private ScriptFiles() {
    }

    /** The matching files under {@code dir}, as paths relative to it, sorted; empty when {@code dir} does not exist. */
    static List<Path> find(Path dir, List<String> includes, List<String> excludes) throws IOException {
        List<Pattern> in = includes.stream().map(ScriptFiles::pattern).toList();
        List<Pattern> out = excludes.stream().map(ScriptFiles::pattern).toList();
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) return found;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = dir.relativize(file).toString().replace('\\', '/');
                if (attrs.isRegularFile() && matches(in, rel) && !matches(out, rel)) found.add(dir.relativize(file));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    private static boolean matches(List<Pattern> patterns, String path) {
        for (Pattern p : patterns) if (p.matcher(path).matches()) return true;
        return false;
    }

    /** The regular expression of an Ant-style pattern. */
    static Pattern pattern(String ant) {
        String p = ant.replace('\\', '/');
        if (p.endsWith("/")) p = p + "**";
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (p.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 2;
            } else if (p.startsWith("**", i)) {
                re.append(".*");
                i += 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
