package org.ferret.parcels;

import java.util.List;

/** The answer to a batch of declarations: one {@link ItemAnswer} per item, in the batch's order. */
public record BatchAnswer(String operator, int accepted, int unchanged, int rejected, int held, List<ItemAnswer> items) {

    static BatchAnswer of(String operator, List<ItemAnswer> items) {
        int a = 0, u = 0, r = 0, h = 0;
        for (ItemAnswer i : items) {
            switch (i.status()) {
                case ACCEPTED -> a++;
                case UNCHANGED -> u++;
                case REJECTED -> r++;
            }
            if (i.decision() == ItemAnswer.Decision.HOLD) h++;
        }
        return new BatchAnswer(operator, a, u, r, h, List.copyOf(items));
    }
}
