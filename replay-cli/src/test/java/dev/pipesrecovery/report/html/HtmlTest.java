package dev.pipesrecovery.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupAndQuotesBecomeEntities() {
        assertThat(Html.text("<a href='x'>\"&\"</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    }

    @Test
    void controlAndBidiCharactersBecomeVisibleEscapesAsOnTheTerminal() {
        assertThat(Html.text("a\u001b[31mb\u0000c\u0085d\u202ee\u2028f\n\ufffe"))
                .isEqualTo("a\\x1b[31mb\\x00c\\u0085d\\u202ee\\u2028f\\x0a\\ufffe");
    }

    @Test
    void otherTextIsKept() {
        assertThat(Html.text("customer/42 – Zoë 顧客 🙂")).isEqualTo("customer/42 – Zoë 顧客 🙂");
        assertThat(Html.text(null)).isEmpty();
    }
}
