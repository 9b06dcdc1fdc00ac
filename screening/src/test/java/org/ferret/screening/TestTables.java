package org.ferret.screening;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;

/** Builds small postal tables from CSV text for tests. */
public final class TestTables {
    private TestTables() {}

    public static final String POSTAL_HEADER = "item_id,timestamp,operator,origin,destination,sender,addressee,addressee_type,description,"
            + "category,hs_code,quantity,net_weight_kg,gross_weight_kg,declared_value,currency,seized,severity";

    /** One postal row with sensible defaults; override fields by name. */
    public static String postalRow(String id, String time, String... overrides) {
        String[] names = POSTAL_HEADER.split(",");
        String[] v = {id, time, "DHL", "CN", "SE", "s1", "a1", "residence", "phone case", "sale_of_goods", "392690", "1", "0.100", "0.150", "9.00", "USD", "0", "0"};
        for (int i = 0; i < overrides.length; i += 2) {
            int c = List.of(names).indexOf(overrides[i]);
            if (c < 0) throw new IllegalArgumentException(overrides[i]);
            v[c] = overrides[i + 1];
        }
        return String.join(",", v);
    }

    public static Table postal(String... rows) {
        return table(Profiles.POSTAL, POSTAL_HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    public static Table table(Profile p, String csv) {
        try {
            Table.Builder b = new Table.Builder(p);
            List<RowProblem> problems = new ArrayList<>();
            new TableReader(p, OnError.STOP).read("test.csv", new BufferedReader(new StringReader(csv)), b, problems);
            return b.build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
