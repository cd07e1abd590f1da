package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation messages name the member as the client wrote it, not the validator's path wording. */
class ValidationErrorMapperTest {

    private static Path.Node node(ElementKind kind, String name, Integer index) {
        return (Path.Node) Proxy.newProxyInstance(Path.Node.class.getClassLoader(), new Class<?>[] {Path.Node.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getKind" -> kind;
                    case "getName" -> name;
                    case "getIndex" -> index;
                    case "getKey" -> null;
                    case "isInIterable" -> index != null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Path path(Path.Node... nodes) {
        List<Path.Node> list = Arrays.asList(nodes);
        return new Path() {
            @Override
            public Iterator<Node> iterator() {
                return list.iterator();
            }
        };
    }

    @Test
    void aListElementIsNamedByItsMemberAndIndex() {
        // Hibernate Validator's path for a bad role: "createAgent.body.roles[1].<list element>".
        assertEquals("roles[1]", ValidationErrorMapper.member(path(node(ElementKind.METHOD, "createAgent", null),
                node(ElementKind.PARAMETER, "body", null), node(ElementKind.PROPERTY, "roles", null),
                node(ElementKind.CONTAINER_ELEMENT, "<list element>", 1))));
    }

    @Test
    void aMemberIsNamedWithoutOurMethodAndParameterNames() {
        assertEquals("content", ValidationErrorMapper.member(path(node(ElementKind.METHOD, "send", null),
                node(ElementKind.PARAMETER, "message", null), node(ElementKind.PROPERTY, "content", null))));
        assertEquals("request body", ValidationErrorMapper.member(path(node(ElementKind.METHOD, "send", null),
                node(ElementKind.PARAMETER, "message", null))));
    }
}
