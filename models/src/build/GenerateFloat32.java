import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes {@code FloatMatLoops.java}, the float32 Java loops, from {@code DoubleMat.java}, their one
 * hand-written source (the way EJML makes its 32-bit code from its 64-bit code). The models module's
 * build runs it in {@code generate-sources} ({@code models/pom.xml}) as a single-file program:
 * {@code java GenerateFloat32.java DoubleMat.java target/generated-sources/float32/.../FloatMatLoops.java}.
 *
 * <p>The translation works on Java tokens, not on text, and is total or fails: anything it has no
 * rule for stops the build with the file and line. Rules:
 * <ul>
 * <li>{@code double} becomes {@code float}, and {@code float} (the other precision, of {@code load}
 *     and {@code store}) becomes {@code double}; {@code Double.X} becomes {@code Float.X} for the
 *     members listed in {@link #DOUBLE_MEMBERS}; {@code FLOAT64} becomes {@code FLOAT32}.</li>
 * <li>{@code DoubleMat} becomes {@code FloatMatLoops} where it names this class being declared (the
 *     class and its constructors; the class loses {@code public final} and is {@code abstract}) and
 *     {@code FloatMat} elsewhere (the concrete float32 class, which extends the generated one).</li>
 * <li>A floating-point literal gets the suffix {@code f}; one that float32 rounds to zero or infinity
 *     is refused. A literal with a suffix {@code f} is refused (the source is float64).</li>
 * <li>A call of a {@code Math} function that has only a {@code double} version ({@link #DOUBLE_ONLY})
 *     is cast to {@code float}, outermost calls only, so {@code Math.log1p(Math.exp(x))} rounds once.
 *     Other {@code Math} functions must be in {@link #OVERLOADED}.</li>
 * <li>Markers, block comments in the source: {@code /*f64*}{@code /} before {@code double} keeps it
 *     (the Mat API's scalar type, float64 in both precisions); {@code /*float32: TEXT*}{@code /} puts
 *     TEXT in place of the next token (a value float32 cannot hold, or that it takes from elsewhere).</li>
 * <li>Other comments are dropped, keeping their line breaks, so that line n of the output is line
 *     n of the source (a stack trace in the generated class points into DoubleMat.java); the header
 *     goes on line 1, before {@code package}.</li>
 * <li>Refused: an identifier containing "float" or "double" in any case without a rule above (such as
 *     {@code DoubleBuffer}, {@code floatValue}, {@code FloatMat}), {@code StrictMath}, hexadecimal
 *     floating literals, text blocks, string literals containing "float", "double", 32 or 64 (a message
 *     naming a precision is built from {@code Precision.FLOAT64}, which is translated).</li>
 * </ul>
 * The output depends only on the input, and is written only when it changes (so an unchanged
 * reference does not recompile the module).
 */
public final class GenerateFloat32 {

    static final String SOURCE_CLASS = "DoubleMat", TARGET_CLASS = "FloatMatLoops", CONCRETE_CLASS = "FloatMat";

    /** Math functions without a float overload: their result is cast to float. */
    static final Set<String> DOUBLE_ONLY = Set.of("sqrt", "cbrt", "exp", "expm1", "log", "log1p", "log10", "tanh", "sinh", "cosh",
            "sin", "cos", "tan", "atan", "atan2", "pow", "hypot");
    /** Math functions with float overloads (or int results): unchanged. */
    static final Set<String> OVERLOADED = Set.of("max", "min", "abs", "nextDown", "nextUp", "copySign", "signum", "ulp", "floorMod",
            "floorDiv", "fma");
    /** Members of Double that Float has with the same meaning. */
    static final Set<String> DOUBLE_MEMBERS = Set.of("NEGATIVE_INFINITY", "POSITIVE_INFINITY", "NaN", "isFinite", "isNaN", "isInfinite",
            "MAX_VALUE");
    static final Map<String, String> RENAMED = Map.of("double", "float", "float", "double", "FLOAT64", "FLOAT32");
    private static final Pattern PRECISION_WORD = Pattern.compile("(?i)double|float|(?<![0-9])(32|64)(?![0-9])");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java GenerateFloat32.java DoubleMat.java FloatMatLoops.java");
            System.exit(2);
        }
        Path in = Path.of(args[0]), out = Path.of(args[1]);
        String generated;
        try {
            generated = translate(Files.readString(in, StandardCharsets.UTF_8), in.getFileName().toString());
        } catch (Untranslatable e) {
            System.err.println("GenerateFloat32: " + in + ":" + e.line + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        if (Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).equals(generated)) return;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, generated, StandardCharsets.UTF_8);
    }

    /** A construct the translation has no rule for. */
    static final class Untranslatable extends RuntimeException {
        final int line;

        Untranslatable(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** The float32 source for the float64 source {@code src} (named {@code name} in the header). */
    static String translate(String src, String name) {
        return new Translator(src).run(name);
    }

    private static final class Translator {
        private final String s;
        private final StringBuilder out = new StringBuilder();
        private int i, line = 1;
        /** The last significant token emitted (identifier, keyword, number or operator), as it was in the source. */
        private String previous = "";
        private boolean keepNext;
        private String replaceNext;
        /** Paren depth (of all parens) at which each cast Math call opened; a call nested in one is not cast. */
        private final Deque<Integer> castCalls = new ArrayDeque<>();
        private int parens;
        private boolean castPending;

        Translator(String s) {
            this.s = s;
        }

        private Untranslatable fail(String message) {
            return new Untranslatable(line, message);
        }

        String run(String name) {
            while (i < s.length()) step();
            if (keepNext || replaceNext != null) throw fail("a marker at the end of the file");
            String text = out.toString();
            String declared = "public final class " + TARGET_CLASS + " extends Mat {";
            int at = text.indexOf(declared);
            if (at < 0 || text.indexOf(declared, at + 1) >= 0) {
                throw new Untranslatable(0, "expected one declaration 'public final class " + SOURCE_CLASS + " extends Mat {'");
            }
            text = text.substring(0, at) + "abstract class " + TARGET_CLASS + " extends Mat {" + text.substring(at + declared.length());
            if (!text.startsWith("package ")) throw new Untranslatable(1, "the source must start with its package declaration");
            String header = "/* Generated from " + name + " by models/src/build/GenerateFloat32.java; do not edit (edit "
                    + name + "; line n here is line n there). */ ";
            return header + text;
        }

        private void step() {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                out.append(c);
                i++;
            } else if (Character.isWhitespace(c)) {
                out.append(c);
                i++;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                comment();
            } else if (c == '"') {
                string();
            } else if (c == '\'') {
                character();
            } else if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                number();
            } else if (Character.isJavaIdentifierStart(c)) {
                identifier();
            } else {
                operator(c);
            }
        }

        private void comment() {
            int end = s.indexOf("*/", i + 2);
            if (end < 0) throw fail("unterminated comment");
            String body = s.substring(i + 2, end);
            i = end + 2;
            boolean isMarker = body.equals("f64") || body.startsWith("float32:");
            if (isMarker && i < s.length() && s.charAt(i) == ' ') i++; // the marker and its space go together
            if (body.equals("f64")) {
                marker();
                keepNext = true;
            } else if (body.startsWith("float32:")) {
                marker();
                replaceNext = body.substring("float32:".length()).trim();
                if (replaceNext.isEmpty()) throw fail("an empty float32 marker");
            } else {
                for (int k = 0; k < body.length(); k++) {
                    if (body.charAt(k) == '\n') {
                        line++;
                        out.append('\n');
                    }
                }
            }
        }

        private void marker() {
            if (keepNext || replaceNext != null) throw fail("two markers in a row");
        }

        /** The token text to emit in place of {@code token}, if a float32 marker asks; else null. */
        private String replaced(String token) {
            if (keepNext) {
                if (!token.equals("double")) throw fail("the f64 marker must stand before 'double', not '" + token + "'");
                keepNext = false;
                return token;
            }
            String r = replaceNext;
            replaceNext = null;
            return r;
        }

        private void string() {
            if (s.startsWith("\"\"\"", i)) throw fail("text blocks are not translated");
            int k = i + 1;
            while (k < s.length() && s.charAt(k) != '"') {
                if (s.charAt(k) == '\\') k++;
                if (k < s.length() && s.charAt(k) == '\n') throw fail("unterminated string");
                k++;
            }
            if (k >= s.length()) throw fail("unterminated string");
            String literal = s.substring(i, k + 1);
            if (PRECISION_WORD.matcher(literal).find()) {
                throw fail("a string naming a precision, " + literal + ": build it from Precision.FLOAT64 instead");
            }
            emit(literal, literal);
            i = k + 1;
        }

        private void character() {
            int k = i + 1;
            if (k < s.length() && s.charAt(k) == '\\') k++;
            k++;
            if (k >= s.length() || s.charAt(k) != '\'') throw fail("a character literal that is not translated");
            emit(s.substring(i, k + 1), "'");
            i = k + 1;
        }

        private void number() {
            int k = i;
            boolean hex = s.startsWith("0x", i) || s.startsWith("0X", i);
            if (hex) k += 2;
            while (k < s.length()) {
                char c = s.charAt(k);
                boolean exponentSign = (c == '+' || c == '-') && !hex && k > i && "eE".indexOf(s.charAt(k - 1)) >= 0;
                if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) k++;
                else break;
            }
            String literal = s.substring(i, k);
            i = k;
            String r = replaced(literal);
            if (r != null) {
                emit(r, literal);
                return;
            }
            String digits = literal.replace("_", "");
            if (hex) {
                if (digits.matches("(?i)0x[0-9a-f]+l?")) {
                    emit(literal, literal);
                    return;
                }
                throw fail("a hexadecimal literal that is not an integer: " + literal);
            }
            if (digits.matches("[0-9]+[lL]?")) {
                emit(literal, literal);
                return;
            }
            if (digits.matches("(?i)[0-9.]*[0-9][0-9.]*(e[+-]?[0-9]+)?f")) {
                throw fail("a float literal in the float64 source: " + literal);
            }
            if (!digits.matches("(?i)([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?d?")) throw fail("a literal that is not translated: " + literal);
            String value = digits.replaceAll("[dD]$", "");
            double v = Double.parseDouble(value);
            float f = (float) v;
            if (v != 0 && (f == 0 || Float.isInfinite(f))) {
                throw fail(literal + " is " + (f == 0 ? "zero" : "infinite") + " in float32: give its float32 value with a float32 marker");
            }
            emit(value + "f", literal);
        }

        private void identifier() {
            int k = i + 1;
            while (k < s.length() && Character.isJavaIdentifierPart(s.charAt(k))) k++;
            String word = s.substring(i, k);
            i = k;
            String r = replaced(word);
            if (r != null) {
                emit(r, word);
                return;
            }
            String to;
            if (word.equals(SOURCE_CLASS)) {
                // the class being declared (after 'class', or a constructor: DoubleMat( not after new) or the concrete float32 class
                boolean declared = previous.equals("class") || nextChar() == '(' && !previous.equals("new");
                to = declared ? TARGET_CLASS : CONCRETE_CLASS;
            } else if (word.equals("Double")) {
                String member = memberAfterDot();
                if (!DOUBLE_MEMBERS.contains(member)) throw fail("Double." + member + " is not translated");
                to = "Float";
            } else if (word.equals("Math")) {
                String member = memberAfterDot();
                if (DOUBLE_ONLY.contains(member)) {
                    if (castCalls.isEmpty()) {
                        out.append("(float) ");
                        castPending = true;
                    }
                } else if (!OVERLOADED.contains(member)) {
                    throw fail("Math." + member + " is not translated: add it to DOUBLE_ONLY or OVERLOADED");
                }
                to = word;
            } else if (RENAMED.containsKey(word)) {
                to = RENAMED.get(word);
            } else if (word.toLowerCase(Locale.ROOT).contains("double") || word.toLowerCase(Locale.ROOT).contains("float")
                    || word.equals("StrictMath") || word.equals("FLOAT32")) {
                throw fail("'" + word + "' is not translated (precision-specific code belongs in FloatMat)");
            } else {
                to = word;
            }
            emit(to, word);
        }

        private void operator(char c) {
            if (c == '(') {
                if (castPending) {
                    castCalls.push(parens);
                    castPending = false;
                }
                parens++;
            } else if (c == ')') {
                parens--;
                if (!castCalls.isEmpty() && castCalls.peek() == parens) castCalls.pop();
            }
            String op = String.valueOf(c);
            if (replaceNext != null || keepNext) throw fail("a marker before '" + op + "'");
            emit(op, op);
            i++;
        }

        private void emit(String text, String sourceToken) {
            if (castPending && !sourceToken.equals("Math") && !sourceToken.equals(".") && !DOUBLE_ONLY.contains(sourceToken)) {
                throw fail("a Math call without arguments");
            }
            out.append(text);
            previous = sourceToken;
        }

        /** The next non-blank character after the current position. */
        private char nextChar() {
            int k = i;
            while (k < s.length() && Character.isWhitespace(s.charAt(k))) k++;
            return k < s.length() ? s.charAt(k) : 0;
        }

        /** The identifier after ".", looking ahead without consuming. */
        private String memberAfterDot() {
            int k = i;
            if (k >= s.length() || s.charAt(k) != '.') throw fail("expected '.' after " + s.substring(Math.max(0, i - 6), i));
            k++;
            int start = k;
            while (k < s.length() && Character.isJavaIdentifierPart(s.charAt(k))) k++;
            return s.substring(start, k);
        }
    }
}
