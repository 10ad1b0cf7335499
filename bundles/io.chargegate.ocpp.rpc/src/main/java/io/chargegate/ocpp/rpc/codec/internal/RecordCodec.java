package io.chargegate.ocpp.rpc.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.chargegate.ocpp.rpc.ErrorCode;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * {@code "type": "object", "additionalProperties": false} as a record: component names are the property
 * names, the canonical constructor (a spread {@link MethodHandle}) builds the value, accessor handles read
 * it back. Required properties are tracked in a bit mask while the object streams by.
 */
public final class RecordCodec extends ValueCodec {

    /** One property: name, codec, required flag and accessor. */
    public record Property(String name, ValueCodec codec, boolean required, MethodHandle accessor) {
    }

    private final Class<?> type;
    private final String[] names;
    private final SerializableString[] keys;
    private final ValueCodec[] codecs;
    private final MethodHandle[] accessors;
    private final boolean[] required;
    private final long requiredMask;
    /** {@code (Object[]) -> Object}: the canonical constructor. */
    private final MethodHandle constructor;

    public RecordCodec(Class<?> type, List<Property> properties, MethodHandle constructor) {
        if (properties.size() > 64) {
            throw new IllegalStateException(type.getName() + " has more than 64 components");
        }
        int n = properties.size();
        this.type = type;
        this.names = new String[n];
        this.keys = new SerializableString[n];
        this.codecs = new ValueCodec[n];
        this.accessors = new MethodHandle[n];
        this.required = new boolean[n];
        long mask = 0;
        for (int i = 0; i < n; i++) {
            Property pr = properties.get(i);
            names[i] = pr.name().intern();
            keys[i] = new SerializedString(pr.name());
            codecs[i] = pr.codec();
            accessors[i] = pr.accessor();
            required[i] = pr.required();
            if (pr.required()) {
                mask |= 1L << i;
            }
        }
        this.requiredMask = mask;
        this.constructor = constructor;
    }

    /** The record class. */
    public Class<?> type() {
        return type;
    }

    @Override
    public Object read(JsonParser p, JsonToken t, int flags) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw typeMismatch(t);
        }
        return readObject(p, flags);
    }

    /** Reads the object whose {@code START_OBJECT} is the current token. */
    public Object readObject(JsonParser p, int flags) throws IOException {
        Object[] args = new Object[names.length];
        long seen = 0;
        int hint = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int i = indexOf(name, hint);
            JsonToken vt = p.nextToken();
            if (i < 0) {
                if ((flags & IGNORE_UNKNOWN) != 0) {
                    p.skipChildren();
                    continue;
                }
                throw new Violation(ErrorCode.FormationViolation, "property is not defined by the schema").under(name);
            }
            try {
                args[i] = codecs[i].read(p, vt, flags);
            } catch (Violation v) {
                throw v.under(names[i]);
            }
            seen |= 1L << i;
            hint = i + 1;
        }
        long missing = requiredMask & ~seen;
        if (missing != 0) {
            throw missing(Long.numberOfTrailingZeros(missing));
        }
        return construct(args);
    }

    private int indexOf(String name, int hint) {
        String[] ns = names;
        if (hint < ns.length && ns[hint] == name) {
            return hint;
        }
        for (int i = 0; i < ns.length; i++) {
            if (ns[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < ns.length; i++) {
            if (ns[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private Violation missing(int i) {
        return new Violation(ErrorCode.OccurenceConstraintViolation, "required property is missing").under(names[i]);
    }

    private Object construct(Object[] args) {
        try {
            return (Object) constructor.invokeExact(args);
        } catch (RuntimeException e) {
            throw new Violation(ErrorCode.PropertyConstraintViolation,
                    type.getSimpleName() + " rejected the values: " + e.getMessage());
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(JsonGenerator g, Object v) throws IOException {
        g.writeStartObject(v);
        for (int i = 0; i < names.length; i++) {
            Object value = get(i, v);
            if (value == null) {
                if (required[i]) {
                    throw missing(i);
                }
                continue;
            }
            g.writeFieldName(keys[i]);
            try {
                codecs[i].write(g, value);
            } catch (Violation x) {
                throw x.under(names[i]);
            }
        }
        g.writeEndObject();
    }

    private Object get(int i, Object record) {
        try {
            return (Object) accessors[i].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String jsonType() {
        return "object";
    }
}
