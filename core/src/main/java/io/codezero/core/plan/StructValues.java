package io.codezero.core.plan;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the engine's wire form of inputs into plain Java values, noting which paths were secret. */
final class StructValues {
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private StructValues() {
    }

    static Map<String, Object> toMap(Struct struct, String path, Set<String> secretPaths) {
        Map<String, Object> map = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, toJava(value, path.isEmpty() ? key : path + "." + key, secretPaths)));
        return map;
    }

    private static Object toJava(Value value, String path, Set<String> secretPaths) {
        switch (value.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case NUMBER_VALUE:
                return value.getNumberValue();
            case BOOL_VALUE:
                return value.getBoolValue();
            case STRING_VALUE:
                return UNKNOWN.equals(value.getStringValue()) ? "(unknown)" : value.getStringValue();
            case LIST_VALUE:
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < value.getListValue().getValuesCount(); i++) {
                    list.add(toJava(value.getListValue().getValues(i), path + "." + i, secretPaths));
                }
                return list;
            case STRUCT_VALUE:
                Struct struct = value.getStructValue();
                Value sig = struct.getFieldsMap().get(SIG);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    secretPaths.add(path);
                    Value inner = struct.getFieldsMap().get("value");
                    return inner == null ? null : toJava(inner, path, secretPaths);
                }
                if (sig != null && RESOURCE_SIG.equals(sig.getStringValue())) {
                    Value urn = struct.getFieldsMap().get("urn");
                    return urn == null ? null : urn.getStringValue();
                }
                return toMap(struct, path, secretPaths);
            default:
                return null;
        }
    }
}
