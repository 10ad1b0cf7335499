package io.chargegate.ocpp.rpc.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chargegate.ocpp.rpc.ErrorCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code "type": "array"} as an unmodifiable {@link List}, with its element codec and {@code minItems}. */
public final class ListCodec extends ValueCodec {
    private final ValueCodec element;
    private final int minItems;

    /** @param minItems minimum number of elements, 0 for none */
    public ListCodec(ValueCodec element, int minItems) {
        this.element = element;
        this.minItems = minItems;
    }

    @Override
    public Object read(JsonParser p, JsonToken t, int flags) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw typeMismatch(t);
        }
        ArrayList<Object> list = new ArrayList<>();
        JsonToken et;
        while ((et = p.nextToken()) != JsonToken.END_ARRAY) {
            try {
                list.add(element.read(p, et, flags));
            } catch (Violation v) {
                throw v.under(list.size());
            }
        }
        if (list.size() < minItems) {
            throw tooFew(list.size());
        }
        return Collections.unmodifiableList(list);
    }

    @Override
    public void write(JsonGenerator g, Object v) throws IOException {
        List<?> list = (List<?>) v;
        int n = list.size();
        if (n < minItems) {
            throw tooFew(n);
        }
        g.writeStartArray(list, n);
        for (int i = 0; i < n; i++) {
            Object e = list.get(i);
            try {
                if (e == null) {
                    throw new Violation(ErrorCode.TypeConstraintViolation, "null found, " + element.jsonType() + " expected");
                }
                element.write(g, e);
            } catch (Violation x) {
                throw x.under(i);
            }
        }
        g.writeEndArray();
    }

    private Violation tooFew(int n) {
        return new Violation(ErrorCode.OccurenceConstraintViolation,
                "must have at least " + minItems + (minItems == 1 ? " item" : " items") + ", found " + n);
    }

    @Override
    public String jsonType() {
        return "array";
    }
}
