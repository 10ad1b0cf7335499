package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.EvseSink;
import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.hardware.api.PilotState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Records what an EVSE driver reports, as short strings ("pilot:B", "contactor:true", "fault:NoError", "stop"). */
final class RecordingEvseSink implements EvseSink {

    private final List<String> events = new ArrayList<>();
    private final List<HardwareFault> faults = new ArrayList<>();
    private Consumer<String> onEvent = e -> { };

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The events since the last call. */
    synchronized List<String> drain() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    synchronized List<HardwareFault> faults() {
        return List.copyOf(faults);
    }

    /** Runs {@code action} on every event (after recording it), e.g. to re-enter the driver. */
    void onEvent(Consumer<String> action) {
        this.onEvent = action;
    }

    private void record(String event) {
        synchronized (this) {
            events.add(event);
        }
        onEvent.accept(event);
    }

    @Override
    public void pilotStateChanged(PilotState state) {
        record("pilot:" + state);
    }

    @Override
    public void contactorChanged(boolean closed) {
        record("contactor:" + closed);
    }

    @Override
    public void localStopRequested() {
        record("stop");
    }

    @Override
    public void faultChanged(HardwareFault fault) {
        synchronized (this) {
            faults.add(fault);
        }
        record("fault:" + fault.errorCode().value());
    }
}
