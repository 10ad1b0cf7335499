package io.chargegate.driver.simulator.internal;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Extracts the gateway log events of a time window from the log folder, streamed (never a whole file in memory).
 *
 * <p>The folder holds the current file {@value #CURRENT_FILE} and rolled files {@code chargegate-*.log.gz} (gzip) or
 * {@code chargegate-*.log} (plain). The first line of every event starts with a timestamp
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} and a space; a line without one (a stack trace) belongs to the event above
 * it. Events whose timestamp lies in the window are copied in chronological order: the rolled files ordered by their
 * first timestamp (else their last-modified time, then name), the current file last.
 *
 * <p>{@link #plan} scans the files once and counts the bytes of the events in the window; {@link #write} reads the
 * files again and copies the events, leaving out the oldest whole events when the total exceeds the cap, so the
 * newest part is kept. Files that cannot be read, or stop with an error midway (a gzip file still being written),
 * are noted and skipped; only failures to write the output are thrown.
 */
final class GatewayLogCollector {

    /** The file Logback writes to. */
    static final String CURRENT_FILE = "chargegate.log";
    /** Name prefix of rolled files. */
    static final String ROLLED_PREFIX = "chargegate-";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withResolverStyle(ResolverStyle.STRICT);
    /** Lines read to find a file's first timestamp (for ordering) before falling back to its last-modified time. */
    private static final int FIRST_TIMESTAMP_SCAN_LINES = 1000;
    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final long maxBytes;

    /**
     * @param directory the log folder
     * @param maxBytes  the most bytes {@link #write} writes (at least 1)
     */
    GatewayLogCollector(Path directory, long maxBytes) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The log folder. */
    Path directory() {
        return directory;
    }

    /** The cap in bytes. */
    long maxBytes() {
        return maxBytes;
    }

    /**
     * One log file to read and what the first pass found in it.
     *
     * @param path          the file
     * @param includedAtStart whether lines before its first timestamp belong to an event in the window (the last
     *                      event of the file before)
     * @param bytes         bytes of the lines in the window (UTF-8, one {@code \n} per line)
     * @param events        events in the window
     */
    record Scanned(Path path, boolean includedAtStart, long bytes, long events) {
        String name() {
            return path.getFileName().toString();
        }
    }

    /**
     * The first pass.
     *
     * @param from       window start (inclusive), or null for everything available
     * @param to         window end (inclusive)
     * @param available  whether the folder exists (else nothing is written)
     * @param files      the files to read, in order
     * @param skipped    files left out: last modified before the window, or first event after it
     * @param bytes      total bytes in the window
     * @param events     total events in the window
     * @param notes      problems met (folder or files unreadable)
     */
    record Plan(Instant from, Instant to, boolean available, List<Scanned> files, List<String> skipped, long bytes,
                long events, Set<String> notes) {
    }

    /**
     * What {@link #write} wrote.
     *
     * @param bytes          bytes written
     * @param events         events written
     * @param files          names of the files that contributed, in order
     * @param omittedBytes   bytes of the oldest events left out to respect the cap
     * @param omittedEvents  events left out to respect the cap
     * @param notes          problems met (the plan's and new ones)
     */
    record Result(long bytes, long events, List<String> files, long omittedBytes, long omittedEvents,
                  Set<String> notes) {
        /** Whether the cap cut the log. */
        boolean truncated() {
            return omittedBytes > 0;
        }
    }

    /** A log file found in the folder, before reading it. */
    private record Candidate(Path path, boolean current, Instant lastModified, Instant firstTimestamp) {
        Instant orderKey() {
            return firstTimestamp != null ? firstTimestamp : lastModified;
        }
    }

    /**
     * Lists the log files and counts the events of the window in them.
     *
     * @param from window start, or null for everything available
     * @param to   window end, not null
     */
    Plan plan(Instant from, Instant to) {
        Objects.requireNonNull(to, "to");
        Set<String> notes = new LinkedHashSet<>();
        if (!Files.isDirectory(directory)) {
            notes.add("log directory " + directory + " does not exist");
            return new Plan(from, to, false, List.of(), List.of(), 0, 0, notes);
        }
        List<Candidate> rolled = new ArrayList<>();
        Candidate current = null;
        List<String> skipped = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                String name = path.getFileName().toString();
                boolean isCurrent = name.equals(CURRENT_FILE);
                if (!isCurrent && !isRolledName(name) || !Files.isRegularFile(path)) {
                    continue;
                }
                Instant modified;
                try {
                    modified = Files.getLastModifiedTime(path).toInstant();
                } catch (NoSuchFileException e) {
                    continue; // deleted meanwhile (rolled away or cleaned)
                } catch (IOException e) {
                    notes.add(name + ": could not be read: " + e);
                    continue;
                }
                if (from != null && modified.isBefore(from)) {
                    skipped.add(name);
                    continue;
                }
                Candidate candidate = new Candidate(path, isCurrent, modified, isCurrent ? null : firstTimestamp(path));
                if (isCurrent) {
                    current = candidate;
                } else {
                    rolled.add(candidate);
                }
            }
        } catch (IOException e) {
            notes.add("log directory " + directory + " could not be listed: " + e);
            return new Plan(from, to, true, List.of(), List.of(), 0, 0, notes);
        }
        rolled.sort(Comparator.comparing(Candidate::orderKey)
                .thenComparing(c -> c.path().getFileName().toString(), GatewayLogCollector::compareNatural));
        List<Candidate> ordered = new ArrayList<>();
        for (Candidate c : rolled) {
            if (c.firstTimestamp() != null && c.firstTimestamp().isAfter(to)) {
                skipped.add(c.path().getFileName().toString());
            } else {
                ordered.add(c);
            }
        }
        if (current != null) {
            ordered.add(current);
        }

        List<Scanned> files = new ArrayList<>();
        boolean included = from == null;
        long totalBytes = 0;
        long totalEvents = 0;
        for (Candidate c : ordered) {
            Counter counter = new Counter(from, to, included);
            try {
                read(c.path(), counter, notes);
            } catch (IOException e) {
                throw new IllegalStateException("counting writes nothing", e); // read errors are noted, not thrown
            }
            files.add(new Scanned(c.path(), included, counter.bytes, counter.events));
            totalBytes += counter.bytes;
            totalEvents += counter.events;
            included = counter.included;
        }
        return new Plan(from, to, true, List.copyOf(files), List.copyOf(skipped), totalBytes, totalEvents, notes);
    }

    /**
     * Writes the planned events to {@code out} (not closed), leaving out the oldest whole events when they exceed
     * the cap. Never writes more than the cap, also when the current file grew since {@link #plan}.
     *
     * @throws IOException only when writing to {@code out} fails
     */
    Result write(Plan plan, OutputStream out) throws IOException {
        Set<String> notes = new LinkedHashSet<>(plan.notes());
        long toOmit = Math.max(0, plan.bytes() - maxBytes);
        Copier copier = new Copier(plan.from(), plan.to(), new BufferedOutputStream(nonClosing(out), BUFFER), toOmit);
        List<String> contributed = new ArrayList<>();
        for (Scanned file : plan.files()) {
            if (file.bytes() == 0) {
                continue;
            }
            if (copier.toOmit >= file.bytes()) {
                copier.toOmit -= file.bytes();
                copier.omittedBytes += file.bytes();
                copier.omittedEvents += file.events();
                continue;
            }
            long before = copier.bytes;
            copier.start(file.includedAtStart());
            read(file.path(), copier, notes);
            if (copier.bytes > before) {
                contributed.add(file.name());
            }
            if (copier.full) {
                notes.add("the log grew while it was collected; it stops at the cap of " + maxBytes + " bytes");
                break;
            }
        }
        copier.out.flush();
        return new Result(copier.bytes, copier.events, List.copyOf(contributed), copier.omittedBytes,
                copier.omittedEvents, notes);
    }

    /**
     * The timestamp at the start of a log line (followed by a space), or null when the line has none (a
     * continuation line).
     */
    static Instant timestamp(String line) {
        // cheap shape check first: most continuation lines fail here without an exception
        if (line.length() < 25 || line.charAt(4) != '-' || line.charAt(7) != '-' || line.charAt(10) != 'T'
                || line.charAt(13) != ':' || line.charAt(16) != ':' || line.charAt(19) != '.'
                || !Character.isDigit(line.charAt(0))) {
            return null;
        }
        char zone = line.charAt(23);
        int end;
        if (zone == 'Z') {
            end = 24;
        } else if (zone == '+' || zone == '-') {
            end = 29;
        } else {
            return null;
        }
        if (line.length() <= end || line.charAt(end) != ' ') {
            return null;
        }
        try {
            return TIMESTAMP.parse(line.substring(0, end), OffsetDateTime::from).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the name is a rolled log file's. */
    static boolean isRolledName(String name) {
        return name.startsWith(ROLLED_PREFIX) && (name.endsWith(".log.gz") || name.endsWith(".log"))
                && name.length() > ROLLED_PREFIX.length() + ".log".length();
    }

    /** Compares names with their digit runs as numbers (chargegate-x.9.log.gz before chargegate-x.10.log.gz). */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Bytes of a line in the output: UTF-8 plus the line feed. */
    static long outputLength(String line) {
        long n = 1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < line.length()
                    && Character.isLowSurrogate(line.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1; // a lone surrogate is encoded as '?'
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static BufferedReader open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            if (path.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, BUFFER);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The first timestamp within the first lines of the file, or null (unreadable, or none). */
    private static Instant firstTimestamp(Path path) {
        try (BufferedReader reader = open(path)) {
            String line;
            for (int n = 0; n < FIRST_TIMESTAMP_SCAN_LINES && (line = reader.readLine()) != null; n++) {
                Instant t = timestamp(line);
                if (t != null) {
                    return t;
                }
            }
        } catch (IOException e) {
            // reported when the file is read
        }
        return null;
    }

    /** Feeds every line of the file to the visitor; read errors are noted (the lines before them count). */
    private static void read(Path path, LineVisitor visitor, Set<String> notes) throws IOException {
        String name = path.getFileName().toString();
        BufferedReader reader;
        try {
            reader = open(path);
        } catch (NoSuchFileException e) {
            notes.add(name + ": disappeared before it was read (rolled or cleaned meanwhile)");
            return;
        } catch (IOException e) {
            notes.add(name + ": could not be read: " + e);
            return;
        }
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine();
                } catch (IOException e) {
                    notes.add(name + ": reading stopped early (the lines before are included): " + e);
                    return;
                }
                if (line == null || !visitor.line(line)) {
                    return;
                }
            }
        } finally {
            try {
                reader.close();
            } catch (IOException e) {
                // nothing was lost
            }
        }
    }

    /** Receives the lines of a file. */
    private interface LineVisitor {
        /** Handles a line; false stops reading. Only output failures are thrown. */
        boolean line(String line) throws IOException;
    }

    /** Decides per line whether it belongs to an event in the window. */
    private abstract static class WindowFilter implements LineVisitor {
        final Instant from;
        final Instant to;
        /** Whether the current event (and so a continuation line) is in the window. */
        boolean included;

        WindowFilter(Instant from, Instant to, boolean included) {
            this.from = from;
            this.to = to;
            this.included = included;
        }

        /** Updates {@link #included}; true when the line starts a new event. */
        boolean advance(String line) {
            Instant t = timestamp(line);
            if (t == null) {
                return false;
            }
            included = (from == null || !t.isBefore(from)) && !t.isAfter(to);
            return true;
        }
    }

    /** First pass: counts. */
    private static final class Counter extends WindowFilter {
        long bytes;
        long events;

        Counter(Instant from, Instant to, boolean included) {
            super(from, to, included);
        }

        @Override
        public boolean line(String line) {
            boolean starts = advance(line);
            if (included) {
                bytes += outputLength(line);
                if (starts) {
                    events++;
                }
            }
            return true;
        }
    }

    /** Second pass: omits the oldest events worth {@link #toOmit} bytes, then copies, up to the cap. */
    private final class Copier extends WindowFilter {
        final OutputStream out;
        long toOmit;
        long omittedBytes;
        long omittedEvents;
        long bytes;
        long events;
        boolean full;
        /** Whether the current event is left out for the cap. */
        private boolean omitting;

        Copier(Instant from, Instant to, OutputStream out, long toOmit) {
            super(from, to, false);
            this.out = out;
            this.toOmit = toOmit;
        }

        /** Before each file: the state of the event the file's leading lines belong to. */
        void start(boolean includedAtStart) {
            included = includedAtStart;
            omitting = toOmit > 0;
        }

        @Override
        public boolean line(String line) throws IOException {
            boolean starts = advance(line);
            if (!included) {
                return true;
            }
            if (starts) {
                omitting = toOmit > 0;
            }
            long length = outputLength(line);
            if (omitting) {
                toOmit = Math.max(0, toOmit - length);
                omittedBytes += length;
                if (starts) {
                    omittedEvents++;
                }
                return true;
            }
            byte[] encoded = (line + "\n").getBytes(StandardCharsets.UTF_8);
            if (bytes + encoded.length > maxBytes) {
                full = true;
                return false;
            }
            out.write(encoded);
            bytes += encoded.length;
            if (starts) {
                events++;
            }
            return true;
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() {
                // the caller closes the stream
            }
        };
    }
}
