package org.evidencegateway.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemPathsTest {

    @Test
    void comparisonKey_equatesPathsThatDifferOnlyInCase() {
        assertCollide("evidence/Photo.JPG", "evidence/photo.jpg");
        assertCollide("evidence/ФОТО.jpg", "evidence/фото.jpg");
        assertCollide("evidence/STRASSE", "evidence/straße");
    }

    @Test
    void comparisonKey_equatesCanonicallyEquivalentPaths() {
        assertCollide("evidence/caf\u00e9", "evidence/cafe\u0301");
        assertCollide("evidence/\u0419", "evidence/\u0438\u0306");
    }

    @Test
    void comparisonKey_keepsDistinctPathsDistinct() {
        assertThat(ItemPaths.comparisonKey("evidence/a.txt")).isNotEqualTo(ItemPaths.comparisonKey("evidence/b.txt"));
        assertThat(ItemPaths.comparisonKey("evidence/a/b")).isNotEqualTo(ItemPaths.comparisonKey("evidence/ab"));
    }

    private static void assertCollide(String one, String other) {
        assertThat(ItemPaths.comparisonKey(one)).as(one + " vs " + other).isEqualTo(ItemPaths.comparisonKey(other));
    }
}
