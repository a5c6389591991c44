package io.esnode.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TomlParserTest {
    private static final String FILE = "etc/esnode.toml";

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("", "{}"),
                Arguments.of("# only a comment\n\n   # another\n", "{}"),
                Arguments.of("# c\na = 1 # trailing\nb = \"x\"\n", "{a=1, b=\"x\"}"),
                Arguments.of("a = 1\r\nb = 2\r\n", "{a=1, b=2}"),
                Arguments.of("  a . b  =  1", "{a={b=1}}"),
                Arguments.of("[t]\nx = 1\n[u.v]\ny = 2\n", "{t={x=1}, u={v={y=2}}}"),
                Arguments.of("[ t . \"q k\" ]\nx = 1\n", "{t={\"q k\"={x=1}}}"),
                Arguments.of("[a.b]\nx = 1\n[a]\ny = 2\n", "{a={b={x=1}, y=2}}"),
                Arguments.of("a.b.c = 1\na.b.d = 2\n\"quoted key\".x = 'lit'\n'lit key' = true\n",
                        "{a={b={c=1, d=2}}, \"quoted key\"={x=\"lit\"}, \"lit key\"=true}"),
                Arguments.of("""
                        [[drivers]]
                        id = "a"
                        [drivers.params]
                        qos = "1"
                        [[drivers.points]]
                        name = "p1"
                        [[drivers.points]]
                        name = "p2"
                        [[drivers]]
                        id = "b"
                        [drivers.params]
                        qos = "2"
                        """, "{drivers=[[{id=\"a\", params={qos=\"1\"}, points=[[{name=\"p1\"}, {name=\"p2\"}]]}, "
                        + "{id=\"b\", params={qos=\"2\"}}]]}"),
                Arguments.of("[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n",
                        "{fruit={apple={color=\"red\", texture={smooth=true}}}}"),
                Arguments.of("""
                        a = [
                          1, # one
                          2,
                          # nothing more
                        ]
                        b = [ "x", 'y' ]
                        c = [ [1, 2], ["a"] ]
                        d = []
                        e = [true,false]
                        """, "{a=[1, 2], b=[\"x\", \"y\"], c=[[1, 2], [\"a\"]], d=[], e=[true, false]}"),
                Arguments.of("labels = { rack = \"r1\", \"a b\" = 2, x.y = true }\nempty = {}\n",
                        "{labels={rack=\"r1\", \"a b\"=2, x={y=true}}, empty={}}"),
                Arguments.of("points = [ { name = \"a\" }, { name = \"b\", scale = 0.5 } ]\n",
                        "{points=[{name=\"a\"}, {name=\"b\", scale=0.5}]}"),
                // TOML 1.1 leniency: an inline table may span lines, hold comments and end with a comma
                Arguments.of("t = {\n  a = 1, # first\n  b = 2,\n}\n", "{t={a=1, b=2}}"));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void documentsParseToTheExpectedTree(String toml, String expected) throws TomlException {
        assertEquals(expected, TomlDump.dump(TomlParser.parse(FILE, toml)));
    }

    static Stream<Arguments> scalars() {
        return Stream.of(
                Arguments.of("42", 42L), Arguments.of("+99", 99L), Arguments.of("0", 0L), Arguments.of("-17", -17L),
                Arguments.of("1_000", 1000L),
                Arguments.of("0xDEADBEEF", 3735928559L), // 0xDEADBEEF = 3735928559
                Arguments.of("0xdead_beef", 3735928559L),
                Arguments.of("0o755", 493L), // 7*64 + 5*8 + 5 = 493
                Arguments.of("0b1101", 13L), // 8 + 4 + 1 = 13
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of("1.5", 1.5), Arguments.of("-0.01", -0.01), Arguments.of("5e+22", 5e22),
                Arguments.of("1e06", 1e6), Arguments.of("6.626e-34", 6.626e-34),
                Arguments.of("224_617.445_991", 224617.445991), Arguments.of("inf", Double.POSITIVE_INFINITY),
                Arguments.of("-inf", Double.NEGATIVE_INFINITY), Arguments.of("nan", Double.NaN),
                Arguments.of("true", true), Arguments.of("false", false),
                Arguments.of("\"a\\tb\\n\\\"q\\\" \\\\ \\u00e9 \\U0001F600\"", "a\tb\n\"q\" \\ \u00e9 \uD83D\uDE00"),
                Arguments.of("\"\\b\\f\\r\"", "\b\f\r"),
                Arguments.of("'C:\\path\\n \"x\"'", "C:\\path\\n \"x\""),
                Arguments.of("\"\"", ""),
                Arguments.of("\"\"\"\nline1\nline2\"\"\"", "line1\nline2"),
                Arguments.of("\"\"\"\r\nline1\r\nline2\r\n\"\"\"", "line1\nline2\n"),
                Arguments.of("\"\"\"\nThe quick \\\n\n    brown \\   \n  fox\"\"\"", "The quick brown fox"),
                Arguments.of("\"\"\"a \"quoted\" \\u0041\"\"\"\"\"", "a \"quoted\" A\"\""),
                Arguments.of("'''\nfirst\n  second\\n'''", "first\n  second\\n"),
                Arguments.of("''''x' '''''", "'x' ''"));
    }

    @ParameterizedTest
    @MethodSource("scalars")
    void scalarsHaveTheirTomlTypeAndValue(String toml, Object expected) throws TomlException {
        TomlValue v = (TomlValue) TomlParser.parse(FILE, "v = " + toml + "\n").get("v");
        assertEquals(expected, v.value());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("a = 1\na = 2", "etc/esnode.toml:2:1: a: duplicate key (first defined at line 1)"),
                Arguments.of("[[drivers]]\nid = \"a\"\n[drivers.params]\nqos = \"1\"\nqos = \"2\"\n",
                        "etc/esnode.toml:5:1: drivers[0].params.qos: duplicate key (first defined at line 4)"),
                Arguments.of("[t]\n[t]", "etc/esnode.toml:2:1: t: duplicate table (first defined at line 1)"),
                Arguments.of("[fruit]\napple.color = \"red\"\n[fruit.apple]",
                        "etc/esnode.toml:3:1: fruit.apple: duplicate table (first defined at line 2)"),
                Arguments.of("a = 1\n[a]", "etc/esnode.toml:2:1: a: already defined as an integer at line 1"),
                Arguments.of("[[d]]\n[d]", "etc/esnode.toml:2:1: d: already defined as an array of tables at line 1"),
                Arguments.of("[d]\n[[d]]", "etc/esnode.toml:2:1: d: already defined as a table at line 1"),
                Arguments.of("a = 1\n[a.b]",
                        "etc/esnode.toml:2:2: a: already defined as an integer at line 1, not a table"),
                Arguments.of("t = { a = 1 }\n[t.b]",
                        "etc/esnode.toml:2:2: t: cannot extend the inline table defined at line 1"),
                Arguments.of("t = { a = 1 }\nt.b = 2",
                        "etc/esnode.toml:2:1: t: cannot extend the inline table defined at line 1"),
                Arguments.of("[x.y]\n[x]\ny.z = 1",
                        "etc/esnode.toml:3:1: x.y: cannot add keys with a dotted key to the table defined at line 1"),
                Arguments.of("a = \"abc", "etc/esnode.toml:1:5: a: unterminated string"),
                Arguments.of("a = 'abc\nb = 1", "etc/esnode.toml:1:5: a: unterminated string"),
                Arguments.of("a = \"\"\"abc\n", "etc/esnode.toml:1:5: a: unterminated multi-line string"),
                Arguments.of("a = \"\\q\"", "etc/esnode.toml:1:6: a: invalid escape \"\\q\""),
                Arguments.of("a = \"\\u12\"", "etc/esnode.toml:1:6: a: \\u needs 4 hex digits"),
                Arguments.of("a = \"\\uD800\"", "etc/esnode.toml:1:6: a: \\uD800 is not a Unicode scalar value"),
                Arguments.of("a = \"x\u0001\"", "etc/esnode.toml:1:7: a: control character U+0001 in a string "
                        + "(write it as an escape)"),
                Arguments.of("a = x", "etc/esnode.toml:1:5: a: invalid value x (strings must be quoted)"),
                Arguments.of("a = 012", "etc/esnode.toml:1:5: a: invalid value 012 (strings must be quoted)"),
                Arguments.of("a = 1__0", "etc/esnode.toml:1:5: a: invalid value 1__0 (strings must be quoted)"),
                Arguments.of("a = 1.", "etc/esnode.toml:1:5: a: invalid value 1. (strings must be quoted)"),
                Arguments.of("a = 99999999999999999999",
                        "etc/esnode.toml:1:5: a: integer 99999999999999999999 is out of range (64-bit signed)"),
                Arguments.of("a = 1979-05-27", "etc/esnode.toml:1:5: a: dates and times are not supported; quote the value"),
                Arguments.of("a =", "etc/esnode.toml:1:4: a: expected a value, got end of file"),
                Arguments.of("a =\nb = 1", "etc/esnode.toml:1:4: a: expected a value, got end of line"),
                Arguments.of("a = 1 2", "etc/esnode.toml:1:7: expected the end of the line, got \"2\""),
                Arguments.of("a 1", "etc/esnode.toml:1:3: a: expected \"=\" after the key, got \"1\""),
                Arguments.of("= 1", "etc/esnode.toml:1:1: expected a key, got \"=\""),
                Arguments.of("a. = 1", "etc/esnode.toml:1:4: a: expected a key, got \"=\""),
                Arguments.of("[t\nx = 1", "etc/esnode.toml:1:3: t: expected \"]\" to close the table header, got end of line"),
                Arguments.of("[[t]\n", "etc/esnode.toml:1:4: t: expected \"]]\" to close the table header, got \"]\""),
                Arguments.of("a = [1, 2", "etc/esnode.toml:1:5: a: unterminated array"),
                Arguments.of("a = [1 2]", "etc/esnode.toml:1:8: a: expected \",\" or \"]\" in the array, got \"2\""),
                Arguments.of("a = [1, x]", "etc/esnode.toml:1:9: a[1]: invalid value x (strings must be quoted)"),
                Arguments.of("a = { b = 1 c = 2 }",
                        "etc/esnode.toml:1:13: a: expected \",\" or \"}\" in the inline table, got \"c\""),
                Arguments.of("a = { b = 1, b = 2 }",
                        "etc/esnode.toml:1:14: a.b: duplicate key (first defined at line 1)"),
                Arguments.of("a = { b = 1", "etc/esnode.toml:1:5: a: unterminated inline table"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorsNameFileLineColumnAndKey(String toml, String expected) {
        TomlException e = assertThrows(TomlException.class, () -> TomlParser.parse(FILE, toml));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void nodesRememberLineColumnAndPath() throws TomlException {
        TomlTable doc = TomlParser.parse(FILE, """
                # gateway
                [[drivers]]
                id = "a"

                [[drivers]]
                id = "b"
                [drivers.params]
                  qos = "x"
                """);
        TomlArray drivers = (TomlArray) doc.get("drivers");
        TomlTable second = (TomlTable) drivers.items().get(1);
        TomlTable params = (TomlTable) second.get("params");
        TomlValue qos = (TomlValue) params.get("qos");
        assertEquals("drivers[1] 5:1", second.path() + " " + second.line() + ":" + second.column());
        assertEquals("drivers[1].params 7:1", params.path() + " " + params.line() + ":" + params.column());
        // "  qos = " is 8 characters, so the value starts in column 9
        assertEquals("drivers[1].params.qos 8:9", params.keyPath("qos") + " " + qos.line() + ":" + qos.column());
    }

    @Test
    void exceptionKeepsItsParts() {
        TomlException e = assertThrows(TomlException.class, () -> TomlParser.parse("x.toml", "\n\nab = 'c"));
        assertEquals("x.toml|3|6|ab|unterminated string",
                e.file() + "|" + e.line() + "|" + e.column() + "|" + e.key() + "|" + e.detail());
    }
}
