package dev.agentconsole.web.api;

import dev.agentconsole.model.ControlCharacters;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the console and visitor APIs: read by {@link StrictJsonReader}, validated before any call. */
public final class Requests {

    /** The message for names shown in lists (visitor and agent nicknames, workgroup names). */
    static final String VISIBLE_NAME = "must have a visible character and no control characters";

    private Requests() {
    }

    /** Marks a request body; the declared type lets {@link StrictJsonReader} win over the JSON-B reader. */
    public interface Body {
    }

    /** A body that needs to tell a member sent as {@code null} from one not sent (PATCH: null resets). */
    public interface MembersGiven {
        void given(String member);
    }

    public static class StatusChange implements Body {
        @NotNull
        @Pattern(regexp = "AVAILABLE|BUSY|OFFLINE", message = "must be AVAILABLE, BUSY or OFFLINE")
        public String status;

        @Pattern(regexp = "console|host", message = "must be console or host")
        public String source;
    }

    public static class NewMessage implements Body {
        @NotBlank
        @Size(max = 100)
        public String clientMessageId;

        @NotBlank
        @Size(max = 4000)
        public String content;
    }

    public static class Transfer implements Body {
        @Size(max = 64)
        public String agentUid;

        @Size(max = 64)
        public String workgroupUid;

        @AssertTrue(message = "exactly one of agentUid and workgroupUid is required")
        public boolean isOneTarget() {
            return (agentUid == null || agentUid.isBlank()) != (workgroupUid == null || workgroupUid.isBlank());
        }
    }

    public static class VisitorEdit implements Body {
        @Size(min = 1, max = 100)
        @Pattern(regexp = ControlCharacters.VISIBLE_NAME, message = VISIBLE_NAME)
        public String nickname;

        @Size(max = 4000)
        public String notes;
    }

    public static class NewVisitorThread implements Body {
        @NotBlank
        @Size(max = 64)
        public String workgroupUid;

        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = ControlCharacters.VISIBLE_NAME, message = VISIBLE_NAME)
        public String nickname;

        @Size(max = 200)
        @Pattern(regexp = ControlCharacters.NONE, message = "must have no control characters")
        public String topic;

        @Size(max = 2048)
        public String visitorToken;
    }
}
