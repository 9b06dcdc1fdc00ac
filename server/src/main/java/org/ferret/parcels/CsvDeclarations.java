package org.ferret.parcels;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ferret.parcels.internal.DeclarationCsv;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Declarations from a CSV file (layout in docs/parcels.md): the same items, the same validation
 * ({@link DeclarationReader}) and the same per-item answers as the JSON batch ({@link ParcelScreening#submit}), with
 * every problem naming the file's line and column. Used by the API (text/csv), the upload screen and
 * {@code ./ferret parcels import}.
 */
@Service
public class CsvDeclarations {

    private final ParcelScreening screening;
    private final DeclarationReader reader;
    private final TransactionTemplate transactions;

    CsvDeclarations(ParcelScreening screening, DeclarationReader reader, PlatformTransactionManager transactions) {
        this.screening = screening;
        this.reader = reader;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Hears how many of the file's items are answered so far. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void answered(int done, int total);
    }

    /** The answers to a file, and the line of the file each item (by its {@code index}) starts on. */
    public record Result(BatchAnswer answers, List<Integer> lines) {
        /** The first line of an answered item in the file. */
        public int lineOf(ItemAnswer a) {
            return lines.get(a.index());
        }
    }

    /** The documented item limit of a file sent over HTTP (the batch limit). */
    public int maxItems() {
        return screening.maxBatch();
    }

    /**
     * Reads and submits a declarations file from {@code operator}. A file that cannot be read (not UTF-8, broken
     * quoting, a bad header, no items) is refused whole (MALFORMED_REQUEST / VALIDATION_FAILED, naming line and
     * column); more than {@code maxItems} items is BATCH_TOO_LARGE. Otherwise every item is answered as in a JSON
     * batch; with {@code allOrNothing} one bad item refuses the file (IMPORT_REJECTED listing every problem) and
     * nothing is stored.
     */
    public Result submit(InputStream in, String operator, boolean allOrNothing, long maxItems, Progress progress) {
        DeclarationCsv.Result file = DeclarationCsv.read(new StrictUtf8Reader(in), maxItems);
        if (file.overLimit()) {
            throw new FerretException(ErrorCode.BATCH_TOO_LARGE, "a file holds at most " + maxItems
                    + " items here; this one has more (line " + file.fatal().line() + " is item " + (maxItems + 1)
                    + "); split it, or import it with ./ferret parcels import", List.of(file.fatal()));
        }
        if (file.fatal() != null) {
            FieldProblem f = file.fatal();
            throw new FerretException(ErrorCode.MALFORMED_REQUEST, "line " + f.line() + ", " + f.field() + ": "
                    + f.message() + "; nothing was stored", List.of(f));
        }
        List<DeclarationCsv.Row> rows = file.rows();
        if (rows.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "the file holds no items (only a header)",
                    List.of(new FieldProblem(DeclarationCsv.FILE, 2, "the file holds no items; expected one row per item after the header")));
        }
        List<Integer> lines = rows.stream().map(DeclarationCsv.Row::line).toList();
        ItemAnswer[] answers = new ItemAnswer[rows.size()];
        List<Integer> good = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DeclarationCsv.Row r = rows.get(i);
            if (r.item() == null) {
                answers[i] = ItemAnswer.rejected(i, r.itemId(), r.problems());
            } else if (!r.problems().isEmpty()) {
                // rejected by the file (an item twice): what the reader finds is listed too, so one fix is enough
                List<FieldProblem> all = new ArrayList<>(r.problems());
                all.addAll(located(r, reader.read(r.item(), operator).problems(), ""));
                answers[i] = ItemAnswer.rejected(i, r.itemId(), sorted(all));
            } else {
                good.add(i);
            }
        }
        if (allOrNothing) {
            List<FieldProblem> all = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (answers[i] != null) {
                    all.addAll(answers[i].problems());
                }
            }
            for (int i : good) {
                all.addAll(located(rows.get(i), reader.read(rows.get(i).item(), operator).problems(), ""));
            }
            if (!all.isEmpty()) {
                throw new FerretException(ErrorCode.IMPORT_REJECTED, all.size() + " problem(s) in the file; nothing was stored",
                        sorted(all));
            }
            // one transaction for the whole file: nothing is stored unless everything is
            transactions.executeWithoutResult(t -> submitChunks(rows, good, operator, true, answers, progress));
        } else {
            submitChunks(rows, good, operator, false, answers, progress);
        }
        return new Result(BatchAnswer.of(operator, List.of(answers)), lines);
    }

    private void submitChunks(List<DeclarationCsv.Row> rows, List<Integer> good, String operator, boolean allOrNothing,
            ItemAnswer[] answers, Progress progress) {
        int total = rows.size();
        int done = total - good.size();
        progress.answered(done, total);
        // a file within the batch limit is one batch, exactly as if it had come as JSON; a longer one (the CLI's) goes
        // in batches of that size
        int batch = screening.maxBatch();
        for (int from = 0; from < good.size(); from += batch) {
            List<Integer> chunk = good.subList(from, Math.min(good.size(), from + batch));
            List<JsonNode> items = new ArrayList<>(chunk.size());
            chunk.forEach(i -> items.add(rows.get(i).item()));
            BatchAnswer answered;
            try {
                answered = screening.submit(operator, items, allOrNothing);
            } catch (FerretException e) {
                throw relocated(e, rows, chunk);
            }
            for (ItemAnswer a : answered.items()) {
                int i = chunk.get(a.index());
                DeclarationCsv.Row r = rows.get(i);
                answers[i] = new ItemAnswer(i, a.itemId() != null ? a.itemId() : r.itemId(), a.status(), a.version(),
                        a.decision(), a.pickedBy(), a.score(), a.reasons(), a.rulesHit(),
                        sorted(located(r, a.problems(), "items[" + a.index() + "].")));
            }
            done += chunk.size();
            progress.answered(done, total);
        }
    }

    /** The batch's problems ({@code items[3].contents[0].hsCode}) as the file's (line 5, content1_hs_code). */
    private static FerretException relocated(FerretException e, List<DeclarationCsv.Row> rows, List<Integer> chunk) {
        if (e.problems().isEmpty()) {
            return e;
        }
        List<FieldProblem> out = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("items\\[(\\d+)]\\.(.*)").matcher(p.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < chunk.size()) {
                DeclarationCsv.Row r = rows.get(chunk.get(Integer.parseInt(m.group(1))));
                out.add(new FieldProblem(r.columnOf(m.group(2)), r.line(), p.message()));
            } else {
                out.add(p);
            }
        }
        return new FerretException(e.code(), e.getMessage(), out);
    }

    private static List<FieldProblem> located(DeclarationCsv.Row r, List<FieldProblem> problems, String prefix) {
        List<FieldProblem> out = new ArrayList<>(problems.size());
        for (FieldProblem p : problems) {
            String path = p.field() != null && p.field().startsWith(prefix) ? p.field().substring(prefix.length()) : p.field();
            out.add(new FieldProblem(path == null ? DeclarationCsv.ROW : r.columnOf(path), r.line(), p.message()));
        }
        return out;
    }

    private static List<FieldProblem> sorted(List<FieldProblem> problems) {
        List<FieldProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparing((FieldProblem p) -> p.line() == null ? 0 : p.line()));
        return List.copyOf(out);
    }
}
