package dev.mdnp.daemon.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A change of a body's JSON tree at the node {@code at}, modulo the number of nodes, counted pre-order from the
 * root: the node replaced by {@code value} or by a value like it ({@link Vocabulary#similar}, {@code name} holding
 * the pick), removed, or given the member {@code name} with {@code value}.
 *
 * @param kind what the edit does
 * @param at which node
 * @param name the member name an ADD adds, the pick of a SIMILAR
 * @param value the value a REPLACE or ADD puts in
 */
record TreeEdit(Kind kind, int at, String name, JsonNode value) {

    /** What an edit does. */
    enum Kind { REPLACE, SIMILAR, REMOVE, ADD }

    /** Returns the edit as a report shows it. */
    String describe() {
        return switch (kind) {
            case REPLACE -> "replace #" + at + " with " + describe(value);
            case SIMILAR -> "replace #" + at + " with a value like it (pick " + name + ")";
            case REMOVE -> "remove #" + at;
            case ADD -> "add " + FuzzCase.excerpt(name, 40) + "=" + describe(value) + " at #" + at;
        };
    }

    private static String describe(JsonNode value) {
        String text = value.isTextual() ? "\"" + value.textValue() + "\"" : value.toString();
        return FuzzCase.excerpt(text, 60);
    }

    /** Applies the edit to {@code root}, which it may change, and returns the new root. */
    JsonNode apply(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(root, nodes);
        int index = at % nodes.size();
        JsonNode target = nodes.get(index);
        return switch (kind) {
            case REPLACE -> index == 0 ? value.deepCopy() : replace(root, target, value.deepCopy());
            case SIMILAR -> index == 0 ? root
                    : replace(root, target, Vocabulary.similar(target, Integer.parseInt(name)));
            case REMOVE -> index == 0 ? JsonNodeFactory.instance.objectNode() : remove(root, target);
            case ADD -> {
                if (target instanceof ObjectNode object) {
                    object.set(name, value.deepCopy());
                    yield root;
                }
                if (target instanceof ArrayNode array) {
                    array.add(value.deepCopy());
                    yield root;
                }
                ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
                wrapper.set(name, value.deepCopy());
                yield index == 0 ? wrapper : replace(root, target, wrapper);
            }
        };
    }

    /** Replaces {@code target} (by identity) in its parent; returns the root. */
    private static JsonNode replace(JsonNode root, JsonNode target, JsonNode value) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (JsonNode node : containers) {
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue() == target) {
                        object.set(field.getKey(), value);
                        return root;
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) == target) {
                        array.set(i, value);
                        return root;
                    }
                }
            }
        }
        return root;
    }

    /** Removes {@code target} (by identity) from its parent; returns the root. */
    private static JsonNode remove(JsonNode root, JsonNode target) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (JsonNode node : containers) {
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    if (it.next().getValue() == target) {
                        it.remove();
                        return root;
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) == target) {
                        array.remove(i);
                        return root;
                    }
                }
            }
        }
        return root;
    }


    /** Adds {@code node} and every node under it, pre-order. */
    static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> collect(child, into));
        }
    }
}
