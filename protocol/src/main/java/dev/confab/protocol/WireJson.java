package dev.confab.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;

/**
 * The JSON codec for everything on the wire. Times are ISO-8601 strings; null fields are left out;
 * unknown fields are ignored so that newer peers can add fields. Types are strict: a number given as a
 * string, a fraction where a whole number belongs, or a number where text belongs is rejected rather
 * than coerced. Thread-safe and immutable.
 */
public final class WireJson {
    /**
     * Jackson's default buffer pool is per thread, which gives every virtual thread (one per request
     * here) fresh encoding buffers; a shared pool lends the same few buffers to all of them.
     */
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Integer, c -> failFrom(c, CoercionInputShape.String,
                    CoercionInputShape.Float, CoercionInputShape.Boolean))
            .withCoercionConfig(LogicalType.Textual, c -> failFrom(c, CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean))
            .withCoercionConfig(LogicalType.Boolean, c -> failFrom(c, CoercionInputShape.String,
                    CoercionInputShape.Integer))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static void failFrom(MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }

    public String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public byte[] encodeBytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses JSON text this server produced itself (stored event data) into a tree. */
    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is malformed", e);
        }
    }

    /**
     * Decodes a JSON object into {@code type}.
     *
     * @throws WireFormatException with {@link ErrorCode#REQUEST_INVALID_JSON} for malformed JSON, or
     *                             {@link ErrorCode#REQUEST_INVALID} when fields have the wrong form
     */
    public <T> T decode(String json, Class<T> type) {
        JsonNode tree = readTree(json);
        return convert(tree, type, null);
    }

    /** As {@link #decode(String, Class)} for raw bytes. */
    public <T> T decode(byte[] json, Class<T> type) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new WireFormatException(ErrorCode.REQUEST_INVALID_JSON, null, ErrorCode.REQUEST_INVALID_JSON.defaultMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new WireFormatException(ErrorCode.REQUEST_INVALID_JSON, null, "Expected a JSON object.");
        }
        return convert(tree, type, null);
    }

    /**
     * Decodes a client WebSocket frame. The request id is recovered whenever the text is a JSON object,
     * so even a frame of unknown type gets an error that names its request.
     */
    public ClientFrame decodeClientFrame(String json) {
        JsonNode tree = readTree(json);
        JsonNode idNode = tree.get("id");
        String requestId = idNode != null && idNode.isValueNode() && !idNode.isNull() ? idNode.asText() : null;
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new WireFormatException(ErrorCode.REQUEST_INVALID, requestId, "Every frame needs a string field 'type'.");
        }
        return convert(tree, ClientFrame.class, requestId);
    }

    public ServerFrame decodeServerFrame(String json) {
        return decode(json, ServerFrame.class);
    }

    private JsonNode readTree(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WireFormatException(ErrorCode.REQUEST_INVALID_JSON, null, ErrorCode.REQUEST_INVALID_JSON.defaultMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new WireFormatException(ErrorCode.REQUEST_INVALID_JSON, null, "Expected a JSON object.");
        }
        return tree;
    }

    private <T> T convert(JsonNode tree, Class<T> type, String requestId) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (InvalidTypeIdException e) {
            throw new WireFormatException(ErrorCode.REQUEST_UNKNOWN_TYPE, requestId,
                    "Unknown frame type '" + e.getTypeId() + "'.");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WireFormatException(ErrorCode.REQUEST_INVALID, requestId, describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
                }
            }
            return "Field '" + field + "' has the wrong form.";
        }
        return ErrorCode.REQUEST_INVALID.defaultMessage();
    }
}
