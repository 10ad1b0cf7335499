package io.chargegate.ocpp.rpc.codec;

import io.chargegate.ocpp.model.Format;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.MinItems;
import io.chargegate.ocpp.model.MultipleOf;
import io.chargegate.ocpp.model.OcppEnum;
import io.chargegate.ocpp.model.PathConstraint;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;
import java.util.List;

/** Small payload records of the test tree, following the model conventions, independent of the real model. */
public final class TestPayloads {

    private TestPayloads() {
    }

    /** An enumeration with wire values unlike the constant names. */
    public enum Color implements OcppEnum {
        RED("Red"), GREEN("Green"), HERTZ("Hertz");

        private final String value;

        Color(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    /** A nested datatype. */
    public record Inner(@Required @MaxLength(5) String name, Color color, Instant at) implements Payload {
    }

    /** A datatype with lists, shared by {@link Root} (stricter there) and {@link Plain}. */
    public record Group(@Required @MinItems(1) List<Inner> items, List<Inner> more) implements Payload {
    }

    /** A root with one component of each kind and two path constraints. */
    @PathConstraint(path = "groups.items.color", excludedValues = "Hertz")
    @PathConstraint(path = "groups.more", minItems = 2)
    public record Root(
            @Required int count,
            Integer opt,
            Double ratio,
            Boolean flag,
            @MaxLength(3) String code,
            Instant ts,
            Color color,
            Inner inner,
            List<Group> groups,
            @MaxLength(2) List<String> tags,
            @Format("uri") String link,
            @MultipleOf(0.1) Double limit) implements Payload {

        static Root of(int count) {
            return new Root(count, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** The same {@link Group} without the root's path constraints. */
    public record Plain(@Required List<Group> groups) implements Payload {
    }

    /** Primitive components are required even without {@link Required}. */
    public record Prims(int i, double d, boolean b) implements Payload {
    }

    /** No components at all. */
    public record Empty() implements Payload {
    }

    /** A path constraint that names no component: a model bug the codec reports. */
    @PathConstraint(path = "groups.nothing", minItems = 1)
    public record BadPath(List<Group> groups) implements Payload {
    }

    /** A record whose constructor checks a value. */
    public record Checked(@Required int percent) implements Payload {
        public Checked {
            if (percent > 100) {
                throw new IllegalArgumentException("percent over 100");
            }
        }
    }
}
