package dev.mdnp.daemon.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.mdnp.daemon.api.PluginApi;
import dev.mdnp.daemon.fuzz.Seeds.Seed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates the fuzzer's cases with jqwik: a route, and a body that is one of the route's {@link Seeds} (now and
 * then another route's), changed by edits of its JSON tree (a value replaced by one of another type, a huge number,
 * an invalid CIDR, Unicode, a 1 MiB string, another seed's subtree; a member removed or added), and/or by edits of
 * its bytes (truncated, random or invalid UTF-8 bytes inserted, bits flipped, a BOM, trailing garbage, duplicate
 * keys, nesting 100,000 deep); or a body made up whole (empty, a scalar, random bytes, just over the 1 MiB limit).
 * Now and then the body goes chunked instead of with a Content-Length.
 *
 * <p>Every part is a jqwik arbitrary, so the seed of a run reproduces its cases and jqwik shrinks a failing one.
 */
final class FuzzCases {

    private static final int MIB = 1 << 20;

    private final Seeds seeds;
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> subtrees;

    FuzzCases(Seeds seeds) {
        this.seeds = seeds;
        List<JsonNode> nodes = new ArrayList<>();
        for (Seed seed : seeds.all()) {
            if (!seed.body().isBlank()) {
                TreeEdit.collect(tree(seed.body()), nodes);
            }
        }
        this.subtrees = List.copyOf(nodes);
    }

    /**
     * Returns the cases: a route, one of its seeds (one time in ten any route's), a way to make the body from it,
     * and one time in twenty a chunked body. Built from arbitraries made once, without {@code flatMap}, so that
     * jqwik does not build and hash a new arbitrary for every case.
     */
    Arbitrary<FuzzCase> cases() {
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 999);
        return Combinators.combine(Arbitraries.of(Routes.ALL), picks, Arbitraries.integers().between(0, 9),
                        bodies(), Arbitraries.integers().between(0, 99))
                .as((route, pick, crossRoute, body, chunk) -> body.make(route, seed(route, pick, crossRoute == 0),
                        chunk < 5));
    }

    private Seed seed(String route, int pick, boolean anyRoute) {
        List<Seed> choices = anyRoute ? seeds.all() : seeds.of(route);
        return choices.get(pick % choices.size());
    }

    /** How a body is made from a seed. */
    @FunctionalInterface
    private interface BodyMaker {
        FuzzCase make(String route, Seed seed, boolean chunked);
    }

    private Arbitrary<BodyMaker> bodies() {
        Arbitrary<List<TreeEdit>> edits = treeEdit().list().ofMinSize(1).ofMaxSize(4);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((route, seed, chunked) ->
                        new FuzzCase(route, utf8(seed.body()), chunked, "seed " + seed.name()))),
                Tuple.of(55, edits.map(list -> (route, seed, chunked) -> edited(route, seed, list, null, chunked))),
                Tuple.of(17, Combinators.combine(edits, byteEdit()).as((list, bytes) -> (route, seed, chunked) ->
                        edited(route, seed, list, bytes, chunked))),
                Tuple.of(15, byteEdit().map(bytes -> (route, seed, chunked) ->
                        edited(route, seed, List.of(), bytes, chunked))),
                Tuple.of(10, wholeBody().map(whole -> (route, seed, chunked) ->
                        new FuzzCase(route, whole.get2(), chunked, whole.get1()))));
    }

    private FuzzCase edited(String route, Seed seed, List<TreeEdit> edits, ByteEdit byteEdit, boolean chunked) {
        JsonNode root = seed.body().isBlank() ? JsonNodeFactory.instance.objectNode() : tree(seed.body());
        StringBuilder how = new StringBuilder("seed ").append(seed.name());
        for (TreeEdit edit : edits) {
            root = edit.apply(root);
            how.append("; ").append(edit.describe());
        }
        byte[] body = write(root);
        if (byteEdit != null) {
            body = byteEdit.apply(body);
            how.append("; ").append(byteEdit.describe());
        }
        return new FuzzCase(route, body, chunked, how.toString());
    }

    private Arbitrary<TreeEdit> treeEdit() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 999);
        return Arbitraries.frequencyOf(
                Tuple.of(40, Combinators.combine(at, value()).as((i, v) -> new TreeEdit(TreeEdit.Kind.REPLACE, i, "",
                        v))),
                Tuple.of(25, Combinators.combine(at, Arbitraries.integers().between(0, 9999)).as((i, pick) ->
                        new TreeEdit(TreeEdit.Kind.SIMILAR, i, String.valueOf(pick), JsonNodeFactory.instance
                                .nullNode()))),
                Tuple.of(25, at.map(i -> new TreeEdit(TreeEdit.Kind.REMOVE, i, "", JsonNodeFactory.instance
                        .nullNode()))),
                Tuple.of(15, Combinators.combine(at, fieldName(), value()).as((i, n, v) ->
                        new TreeEdit(TreeEdit.Kind.ADD, i, n, v))));
    }

    private Arbitrary<String> fieldName() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(Vocabulary.FIELD_NAMES)),
                Tuple.of(2, Arbitraries.strings().withChars(Vocabulary.UNICODE_SAMPLE).ofMaxLength(12)));
    }

    /** Values for replaced and added members: wrong types, edge numbers, interesting and huge strings, subtrees. */
    private Arbitrary<JsonNode> value() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Arbitrary<JsonNode> interesting = Arbitraries.of(Vocabulary.INTERESTING).map(nodes::textNode);
        Arbitrary<JsonNode> randomText = Arbitraries.strings().withChars(Vocabulary.UNICODE_SAMPLE).ofMaxLength(40)
                .map(nodes::textNode);
        Arbitrary<JsonNode> hexId = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)
                .map(nodes::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.of(List.<JsonNode>of(nodes.numberNode(0), nodes.numberNode(-1),
                nodes.numberNode(1), nodes.numberNode(6), nodes.numberNode(17), nodes.numberNode(132),
                nodes.numberNode(255), nodes.numberNode(256), nodes.numberNode(8080), nodes.numberNode(65535),
                nodes.numberNode(65536), nodes.numberNode(Integer.MAX_VALUE), nodes.numberNode(Integer.MIN_VALUE),
                nodes.numberNode(Long.MAX_VALUE), nodes.numberNode(Long.MIN_VALUE),
                nodes.numberNode(BigInteger.TWO.pow(64)), nodes.numberNode(BigInteger.TEN.pow(40).negate()),
                nodes.numberNode(1.5), nodes.numberNode(-0.0), nodes.numberNode(1e308), nodes.numberNode(4.9e-324),
                nodes.numberNode(new BigDecimal("1e400")), nodes.numberNode(new BigDecimal("80.0"))));
        Arbitrary<JsonNode> rawNumbers = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("-0", "1E+2", "1e999999", "-1e-999999", "0.0000000000000000000001",
                        "123456789012345678901234567890")),
                Tuple.of(1, Arbitraries.of(1_001, 100_000, 2_000_000).map("9"::repeat)))
                .map(text -> nodes.rawValueNode(new RawValue(text)));
        Arbitrary<JsonNode> scalars = Arbitraries.of(List.<JsonNode>of(nodes.nullNode(), nodes.booleanNode(true),
                nodes.booleanNode(false)));
        Arbitrary<Integer> hugeLengths = Arbitraries.frequency(Tuple.of(6, 4 * 1024), Tuple.of(2, 64 * 1024),
                Tuple.of(1, MIB - 256), Tuple.of(1, MIB), Tuple.of(1, MIB + 1));
        Arbitrary<JsonNode> huge = Combinators.combine(
                        Arbitraries.of("x", "é", "€", "😀", "\u0000", "\\", "\""), hugeLengths)
                .as((unit, bytes) -> nodes.textNode(unit.repeat(Math.max(1, bytes / utf8(unit).length))));
        Arbitrary<JsonNode> containers = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(nodes.objectNode())),
                Tuple.of(2, Arbitraries.just(nodes.arrayNode())),
                Tuple.of(3, Arbitraries.lazy(() -> simpleValue().list().ofMaxSize(3)).map(values -> {
                    ArrayNode array = nodes.arrayNode();
                    values.forEach(array::add);
                    return array;
                })),
                Tuple.of(3, Combinators.combine(fieldName(), Arbitraries.lazy(this::simpleValue)).as((name, v) -> {
                    ObjectNode object = nodes.objectNode();
                    object.set(name, v);
                    return object;
                })));
        Arbitrary<JsonNode> grafts = Arbitraries.of(subtrees).map(JsonNode::deepCopy);
        return Arbitraries.frequencyOf(
                Tuple.of(25, interesting),
                Tuple.of(8, randomText),
                Tuple.of(4, hexId),
                Tuple.of(12, numbers),
                Tuple.of(3, rawNumbers),
                Tuple.of(6, scalars),
                Tuple.of(2, huge),
                Tuple.of(10, containers),
                Tuple.of(14, grafts));
    }

    private Arbitrary<JsonNode> simpleValue() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return Arbitraries.oneOf(Arbitraries.of(Vocabulary.INTERESTING).map(nodes::textNode),
                Arbitraries.integers().map(nodes::numberNode),
                Arbitraries.of(List.<JsonNode>of(nodes.nullNode(), nodes.booleanNode(true))),
                Arbitraries.of(subtrees).map(JsonNode::deepCopy));
    }

    private Arbitrary<ByteEdit> byteEdit() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<byte[]> small = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(Vocabulary.INTERESTING_BYTES).map(FuzzCases::utf8)),
                Tuple.of(3, Arbitraries.of(Vocabulary.INVALID_UTF8)),
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)));
        return Arbitraries.frequencyOf(
                Tuple.of(20, where.map(w -> new ByteEdit("truncate", w, new byte[0], 0))),
                Tuple.of(20, Combinators.combine(where, small).as((w, b) -> new ByteEdit("insert", w, b, 0))),
                Tuple.of(10, Combinators.combine(where, small).as((w, b) -> new ByteEdit("overwrite", w, b, 0))),
                Tuple.of(15, Combinators.combine(where, Arbitraries.integers().between(1, 8))
                        .as((w, n) -> new ByteEdit("flip", w, new byte[0], n))),
                Tuple.of(8, Arbitraries.of("\uFEFF", " \n\t", "\u0000", "garbage", "[", "\"").map(p ->
                        new ByteEdit("prefix", 0, utf8(p), 0))),
                Tuple.of(8, Arbitraries.of("}", " {}", "\n\n", "garbage", "\u0000", ",", " null").map(s ->
                        new ByteEdit("suffix", 1, utf8(s), 0))),
                Tuple.of(8, Arbitraries.of("\"NetworkID\":\"" + Baseline.N1 + "\",", "\"NetworkID\":42,",
                        "\"PoolID\":\"MdnpLocal/fd88::/64\",", "\"Options\":null,", "\"V6\":true,")
                        .map(k -> new ByteEdit("duplicate-key", 0, utf8(k), 0))),
                Tuple.of(5, Combinators.combine(where, Arbitraries.of("[", "{\"a\":", "[{\"b\":"),
                        Arbitraries.of(100, 999, 1_001, 10_000, 100_000)).as((w, open, depth) ->
                        new ByteEdit("nest", w, utf8(open), depth))));
    }

    /** Bodies made up whole, with a description. */
    private Arbitrary<Tuple.Tuple2<String, byte[]>> wholeBody() {
        Arbitrary<Tuple.Tuple2<String, byte[]>> fixed = Arbitraries.of("", " ", "\n", "\r\n\t ", "null", "[]",
                "[{}]", "true", "0", "-1", "\"x\"", "{}", "{", "}", "{\"\":\"\"}", "{\"NetworkID\":null}",
                "{\"NetworkID\":\"\"}", "{}{}", "{} {}", "[1,2]", "\u0000", "{\"a\":1,}", "{'a':1}", "{a:1}")
                .map(text -> Tuple.of("whole " + FuzzCase.excerpt(text, 20), utf8(text)));
        Arbitrary<Tuple.Tuple2<String, byte[]>> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048)
                .map(bytes -> Tuple.of("random bytes", bytes));
        Arbitrary<Tuple.Tuple2<String, byte[]>> randomJson = value().map(v -> Tuple.of("whole value", write(v)));
        Arbitrary<Tuple.Tuple2<String, byte[]>> oversized = Combinators.combine(
                        Arbitraries.of("NetworkID", "PoolID", "Options"),
                        Arbitraries.of((int) PluginApi.MAX_BODY_BYTES, (int) PluginApi.MAX_BODY_BYTES + 1,
                                2 * (int) PluginApi.MAX_BODY_BYTES))
                .as((field, size) -> {
                    String head = "{\"" + field + "\":\"";
                    String text = head + "z".repeat(size - head.length() - 2) + "\"}";
                    return Tuple.of("whole " + size + " bytes in " + field, utf8(text));
                });
        return Arbitraries.frequencyOf(
                Tuple.of(4, fixed),
                Tuple.of(2, random),
                Tuple.of(3, randomJson),
                Tuple.of(1, oversized));
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed is not JSON: " + text, e);
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + FuzzCase.excerpt(node.toString(), 80), e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
