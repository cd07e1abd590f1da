package dev.agentconsole.web.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the console and visitor APIs, validated before anything is called. */
public final class Requests {

    private Requests() {
    }

    public static class StatusChange {
        @NotNull
        @Pattern(regexp = "AVAILABLE|BUSY|OFFLINE", message = "must be AVAILABLE, BUSY or OFFLINE")
        public String status;

        @Pattern(regexp = "console|host", message = "must be console or host")
        public String source;
    }

    public static class NewMessage {
        @NotBlank
        @Size(max = 100)
        public String clientMessageId;

        @NotBlank
        @Size(max = 4000)
        public String content;
    }

    public static class Transfer {
        @Size(max = 64)
        public String agentUid;

        @Size(max = 64)
        public String workgroupUid;

        @AssertTrue(message = "exactly one of agentUid and workgroupUid is required")
        public boolean isOneTarget() {
            return (agentUid == null || agentUid.isBlank()) != (workgroupUid == null || workgroupUid.isBlank());
        }
    }

    public static class VisitorEdit {
        @Size(min = 1, max = 100)
        public String nickname;

        @Size(max = 4000)
        public String notes;
    }

    public static class NewVisitorThread {
        @NotBlank
        @Size(max = 64)
        public String workgroupUid;

        @NotBlank
        @Size(max = 100)
        public String nickname;

        @Size(max = 200)
        public String topic;

        @Size(max = 2048)
        public String visitorToken;
    }
}
