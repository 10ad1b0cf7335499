package io.chargegate.store;

import java.nio.file.Path;

/**
 * Child process of {@link CrashSafetyTest}: opens the store, appends {@code entry-<i>} for i = first, first+1, ...
 * and prints {@code ACK <i> <seq>} after each append has returned, until it is killed.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /**
     * @param args store file, first index, max count
     */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        int max = Integer.parseInt(args[2]);
        StateStore store = StateStore.open(file);
        DurableQueue q = store.queue("outbound");
        System.out.println("OPEN " + q.size());
        System.out.flush();
        for (int i = first; i < first + max; i++) {
            long seq = q.append("entry-" + i);
            store.map("progress").put("last", Integer.toString(i));
            System.out.println("ACK " + i + " " + seq);
            System.out.flush();
        }
        // normally never reached: the test kills this process first
        store.close();
        System.out.println("DONE");
    }
}
