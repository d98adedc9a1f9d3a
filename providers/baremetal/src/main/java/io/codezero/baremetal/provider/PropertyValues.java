package io.codezero.baremetal.provider;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's property encoding on the wire: a protobuf Struct where secrets are objects tagged
 * with the secret signature and unknown values (preview) are a sentinel string. In Java a secret is
 * a {@link SecretValue} and an unknown is {@link #UNKNOWN}.
 */
public final class PropertyValues {
    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "<unknown>";
        }
    };

    /** A value the engine (or we) marked secret. */
    public record SecretValue(Object value) {
        @Override
        public String toString() {
            return "[secret]";
        }
    }

    private PropertyValues() {
    }

    public static Map<String, Object> fromStruct(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, fromValue(v)));
        return out;
    }

    static Object fromValue(Value v) {
        switch (v.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case NUMBER_VALUE:
                return v.getNumberValue();
            case STRING_VALUE:
                return UNKNOWN_SENTINEL.equals(v.getStringValue()) ? UNKNOWN : v.getStringValue();
            case BOOL_VALUE:
                return v.getBoolValue();
            case LIST_VALUE: {
                List<Object> list = new ArrayList<>();
                v.getListValue().getValuesList().forEach(x -> list.add(fromValue(x)));
                return list;
            }
            case STRUCT_VALUE: {
                Struct s = v.getStructValue();
                Value sig = s.getFieldsMap().get(SIG_KEY);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    return new SecretValue(fromValue(s.getFieldsMap().getOrDefault("value", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())));
                }
                return fromStruct(s);
            }
            default:
                return null;
        }
    }

    public static Struct toStruct(Map<String, Object> map) {
        Struct.Builder b = Struct.newBuilder();
        map.forEach((k, v) -> b.putFields(k, toValue(v)));
        return b.build();
    }

    static Value toValue(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (o == UNKNOWN) {
            return Value.newBuilder().setStringValue(UNKNOWN_SENTINEL).build();
        }
        if (o instanceof SecretValue s) {
            return Value.newBuilder().setStructValue(Struct.newBuilder()
                    .putFields(SIG_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build())
                    .putFields("value", toValue(s.value()))).build();
        }
        if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof List<?> list) {
            ListValue.Builder lb = ListValue.newBuilder();
            list.forEach(x -> lb.addValues(toValue(x)));
            return Value.newBuilder().setListValue(lb).build();
        }
        if (o instanceof Map<?, ?> map) {
            Struct.Builder sb = Struct.newBuilder();
            map.forEach((k, v) -> sb.putFields(String.valueOf(k), toValue(v)));
            return Value.newBuilder().setStructValue(sb).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(o)).build();
    }

    /** The value with every secret marker removed (for comparisons and parsing). */
    public static Object reveal(Object o) {
        if (o instanceof SecretValue s) {
            return reveal(s.value());
        }
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), reveal(v)));
            return out;
        }
        if (o instanceof List<?> list) {
            return list.stream().map(PropertyValues::reveal).toList();
        }
        return o;
    }

    public static boolean containsUnknown(Object o) {
        if (o == UNKNOWN) {
            return true;
        }
        if (o instanceof SecretValue s) {
            return containsUnknown(s.value());
        }
        if (o instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(PropertyValues::containsUnknown);
        }
        if (o instanceof List<?> list) {
            return list.stream().anyMatch(PropertyValues::containsUnknown);
        }
        return false;
    }

    /** Marks the value secret (once). */
    public static Object secret(Object o) {
        return o == null || o instanceof SecretValue ? o : new SecretValue(o);
    }
}
