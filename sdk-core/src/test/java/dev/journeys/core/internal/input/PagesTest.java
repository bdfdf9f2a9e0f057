package dev.journeys.core.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void fewer_rows_than_the_limit_are_the_last_page() {
        Page<String> page = Pages.of(List.of("a", "b"), 3, s -> "after " + s);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).isEmpty();
    }

    @Test
    void exactly_the_limit_is_the_last_page() {
        Page<String> page = Pages.of(List.of("a", "b", "c"), 3, s -> "after " + s);

        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.next()).isEmpty();
    }

    @Test
    void the_row_past_the_limit_is_dropped_and_the_cursor_resumes_after_the_last_row_kept() {
        Page<String> page = Pages.of(List.of("a", "b", "c", "d"), 3, s -> "after " + s);

        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.next()).contains("after c");
    }
}
