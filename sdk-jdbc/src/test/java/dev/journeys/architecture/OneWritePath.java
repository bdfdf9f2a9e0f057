package dev.journeys.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule of the one write path, as the architecture draws it:
 * <ul>
 *   <li>in the core, only the move path asks the rules ({@code MoveRules.decide}) and only the move path
 *       writes through the storage's one entry ({@code WriteTransaction.write});</li>
 *   <li>in the JDBC storage, only its transaction calls the batch writer, only the batch writer calls the
 *       statements of a move, and only those statement classes hold SQL that writes placements or history.</li>
 * </ul>
 * SQL is found in the compiled classes' constants, where a text block or a literal ends up whole.
 */
final class OneWritePath {

    static final String MOVE_PATH = "dev.journeys.core.internal.moves.MovePath";
    static final String MOVE_TRANSACTION = "dev.journeys.core.internal.moves.MoveTransaction";
    static final String WRITE_TRANSACTION = "dev.journeys.core.internal.storage.WriteTransaction";
    static final String BATCH = "dev.journeys.core.internal.storage.Batch";
    static final String RULES = "dev.journeys.core.internal.moves.MoveRules";
    static final String JDBC_TRANSACTION = "dev.journeys.jdbc.internal.moves.JdbcWriteTransaction";
    static final String BATCH_WRITER = "dev.journeys.jdbc.internal.moves.BatchWriter";
    static final String MOVE_STATEMENTS = "dev.journeys.jdbc.internal.moves.MoveWriter";
    static final String POSTGRES_STATEMENTS = "dev.journeys.jdbc.internal.moves.PostgresBatchWriter";

    /** Only these classes may hold SQL that inserts, updates or deletes placements or history rows. */
    private static final Set<String> STATEMENTS = Set.of(MOVE_STATEMENTS, POSTGRES_STATEMENTS);
    private static final Pattern WRITES_PLACED = Pattern.compile(
            "(?i)(insert\\s+into|update|delete\\s+from|merge\\s+into|truncate(\\s+table)?)\\s+(\\w+\\.)?(placements|transitions)\\b");

    private OneWritePath() {
    }

    /** Every breach of the rule in {@code classes}, one line each; empty when it holds. */
    static List<String> violations(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        for (ArchRule rule : rules()) {
            rule.allowEmptyShould(true).evaluate(classes).getFailureReport().getDetails().forEach(found::add);
        }
        for (JavaClass c : classes) {
            if (STATEMENTS.contains(c.getName()) || c.getName().contains("$")) {
                continue;
            }
            for (String table : tablesWritten(c)) {
                found.add(c.getName() + " holds SQL that writes " + table);
            }
        }
        return found;
    }

    private static List<ArchRule> rules() {
        return List.of(
                noClasses().that().doNotHaveFullyQualifiedName(MOVE_PATH)
                        .should().callMethod(RULES, "decide", "dev.journeys.api.Journey", "java.util.Optional",
                                "dev.journeys.core.internal.moves.Move", "java.util.function.Function")
                        .because("every source is judged by the one rules function, which the move path asks"),
                noClasses().that().doNotHaveFullyQualifiedName(MOVE_PATH).and().doNotHaveFullyQualifiedName(MOVE_TRANSACTION)
                        .should().callMethod(WRITE_TRANSACTION, "write", BATCH)
                        .because("every write of placements goes through the move path to the one storage entry"),
                noClasses().that().doNotHaveFullyQualifiedName(JDBC_TRANSACTION).and().doNotHaveFullyQualifiedName(BATCH_WRITER)
                        .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                        com.tngtech.archunit.base.DescribedPredicate.describe("the batch writer",
                                                o -> o.getName().equals(BATCH_WRITER)))))
                        .because("the JDBC storage's transaction is the one entry; the batch writer is its only helper"),
                noClasses().that().doNotHaveFullyQualifiedName(BATCH_WRITER)
                        .and().doNotHaveFullyQualifiedName(MOVE_STATEMENTS).and().doNotHaveFullyQualifiedName(POSTGRES_STATEMENTS)
                        .should().callMethod(MOVE_STATEMENTS, "write", "java.sql.Connection", "java.lang.String",
                                "dev.journeys.core.internal.storage.MoveWrite")
                        .orShould().callMethod(MOVE_STATEMENTS, "writeBatch", "java.sql.Connection", "java.lang.String", "java.util.List")
                        .orShould().callMethod(POSTGRES_STATEMENTS, "write", "java.sql.Connection", "java.lang.String", "java.util.List")
                        .because("the statements of a move run inside the batch writer alone"));
    }

    private static List<String> tablesWritten(JavaClass c) {
        List<String> tables = new ArrayList<>();
        if (c.getSource().isEmpty()) {
            return tables;
        }
        URI uri = c.getSource().get().getUri();
        try (InputStream in = uri.toURL().openStream()) {
            // Constant-pool strings are modified UTF-8, SQL keywords and table names plain ASCII in it. Each
            // follows its length, which may read as a letter: hence no word boundary before the keyword.
            Matcher m = WRITES_PLACED.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                String table = m.group(4).toLowerCase(java.util.Locale.ROOT);
                if (!tables.contains(table)) {
                    tables.add(table);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + uri, e);
        }
        return tables;
    }
}
