package dev.agentconsole.web.api;

import dev.agentconsole.model.quickreply.QuickReply;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of /api/v1/quick-replies, read strictly like every {@link Requests.Body}. */
public final class QuickReplyRequests {

    private QuickReplyRequests() {
    }

    public static class NewReply implements Requests.Body {
        @Pattern(regexp = "ORGANISATION|PERSONAL", message = "must be ORGANISATION or PERSONAL")
        public String scope;

        @NotNull
        @Size(min = 1, max = QuickReply.MAX_SHORTCUT_LENGTH)
        @Pattern(regexp = "\\s*" + QuickReply.SHORTCUT_PATTERN + "\\s*",
                message = "must be letters, digits, '_', '-' or '.' (no spaces)")
        public String shortcut;

        @NotBlank
        @Size(max = QuickReply.MAX_CONTENT_LENGTH)
        public String content;
    }

    public static class ReplyEdit implements Requests.Body {
        @NotNull
        @Size(min = 1, max = QuickReply.MAX_SHORTCUT_LENGTH)
        @Pattern(regexp = "\\s*" + QuickReply.SHORTCUT_PATTERN + "\\s*",
                message = "must be letters, digits, '_', '-' or '.' (no spaces)")
        public String shortcut;

        @NotBlank
        @Size(max = QuickReply.MAX_CONTENT_LENGTH)
        public String content;

        /** The version the edit started from (optimistic locking). */
        @NotNull
        @Min(0)
        public Integer version;
    }
}
