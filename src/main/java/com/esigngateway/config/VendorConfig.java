package com.esigngateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How the gateway reaches and talks to the vendor. Every key is also an environment variable
 * ({@code esign.vendor.token.ttl} is {@code ESIGN_VENDOR_TOKEN_TTL}).
 */
@ConfigMapping(prefix = "esign.vendor")
public interface VendorConfig {

    /** Base URL up to, not including, {@code rest/v1/...}, e.g. {@code https://api.stage.esignonline.net/}. */
    Optional<URI> url();

    /** The vendor API key. Sent to the vendor's EncryptString endpoint once per gateway start. */
    Optional<String> apiKey();

    /** The API key already encrypted with {@link #salt()}: with it the plain key never leaves the pod. */
    Optional<String> encryptedApiKey();

    /** The salt used to encrypt the API key and to obtain tokens. */
    @WithDefault("esign-gateway")
    String salt();

    /** Time limit for one session-creation call to the vendor. */
    @WithDefault("30s")
    Duration timeout();

    /** Time limit for opening a connection to the vendor. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Connections to the vendor kept open at most (kept alive between calls). */
    @WithDefault("50")
    int maxConnections();

    /**
     * The largest answer read from a session call; a longer one (or an endless stream) resets the connection and is a
     * 502. The vendor's SessionResponse holds ids and short texts, never documents.
     */
    @WithDefault("4M")
    MemorySize maxAnswerSize();

    /** Vendor landing URL (ends with {@code ?}); fetched from the vendor and cached when absent. */
    Optional<String> landingUrl();

    /** How long a landing URL fetched from the vendor is kept. */
    @WithDefault("1h")
    Duration landingUrlTtl();

    /** Default for {@code SessionInfo.ReturnURL}, which the vendor marks required, when a request has no {@code returnUrl}. */
    Optional<String> returnUrl();

    Token token();

    Wire wire();

    @WithName("auth-method-codes")
    AuthMethodCodes authMethodCodes();

    interface Token {
        /** How long a vendor token is trusted; the vendor does not document its lifetime. */
        @WithDefault("60s")
        Duration ttl();

        /** A token is refreshed this long before its TTL runs out. */
        @WithDefault("10s")
        Duration refreshSkew();

        /** Time limit for one EncryptString or GetToken call. */
        @WithDefault("5s")
        Duration timeout();

        /** The largest answer read from EncryptString, GetToken or GetLandingURL (a RequestResponse with one value). */
        @WithDefault("64K")
        MemorySize maxAnswerSize();

        Retry retry();

        CircuitBreakerSettings circuitBreaker();
    }

    /**
     * The calls about an existing session (GetSession, the transaction-id list, the action log, cancel, invitations,
     * a signer's token). They share the breaker {@code vendor-session-calls} (with {@code esign.upstream.circuit-breaker.*}
     * settings); the reads among them are retried.
     */
    SessionCalls sessionCalls();

    interface SessionCalls {
        /** Time limit for one such call. */
        @WithDefault("10s")
        Duration timeout();

        /** Retries of the reads (they are idempotent); writes are never retried. */
        Retry retry();

        /** The column GetSessionsLiteByTransactionId sorts by; the vendor does not list its column names. */
        @WithDefault("CreatedOn")
        String listSortColumn();

        /** {@code asc} or {@code desc}. */
        @WithDefault("desc")
        String listSortOrder();
    }

    /**
     * A signer's link: {@code {landingUrl}}, {@code {token}} (the signer's token from GetSignerInviteToken),
     * {@code {sessionId}}, {@code {signerId}} and {@code {email}} are filled in, URL-encoded. The vendor does not
     * document this URL: confirm the template with the vendor.
     */
    @WithDefault("{landingUrl}token={token}&ssid={sessionId}&signer={signerId}&page=sign")
    String signerLinkTemplate();

    /** Where the vendor's answers keep what it does not document; each a list of field paths tried in turn. */
    Answers answers();

    /** Addresses of the vendor's calls that its documentation only names. */
    Paths paths();

    interface Paths {
        /**
         * GetSessionFiles, the signed documents of a completed session: a path template (after the base URL) in
         * which {@code {id}} is the session id. The vendor names the call but documents no URI: confirm it.
         */
        @WithDefault("rest/v1/sessions/{id}/files")
        String sessionFiles();

        /** The HTTP method of {@link #sessionFiles()}. */
        @WithDefault("GET")
        String sessionFilesMethod();

        /**
         * The number of the first page of GetSignerDocuments ({@code pageNumber}); undocumented: 0, as for the other
         * paginated call the vendor documents (GetSessionsLiteByTransactionId).
         */
        @WithDefault("0")
        int signerDocumentsFirstPage();

        /** The {@code pageSize} of GetSignerDocuments (the vendor paginates above 5 documents). */
        @WithDefault("5")
        int signerDocumentsPageSize();
    }

    /**
     * Calls whose answers hold documents (the signed documents). The answer goes to encrypted temporary files as it
     * arrives, never whole into memory; documents come as number arrays, which take up to four bytes per byte.
     */
    Downloads downloads();

    interface Downloads {
        /**
         * Time limit for one download from the vendor (and for the caller's request that waits for it). Nothing goes to
         * the caller while the vendor's answer arrives, so keep it below {@code quarkus.http.idle-timeout} (60s), or
         * the caller's connection is closed first; raise both for a slow link.
         */
        @WithDefault("50s")
        Duration timeout();

        /** The largest answer read; fits 100 MB of documents as number arrays. A longer one is a 502. */
        @WithDefault("512M")
        MemorySize maxAnswerSize();
    }

    interface Answers {
        /** The session's status code (1..9) in a GetSession answer's session. */
        @WithDefault("SessionInfo.StatusCode,SessionInfo.Status,StatusCode,Status,SessionStatus")
        List<String> sessionStatus();

        /** A signer's status code (1..8). */
        @WithDefault("StatusCode,Status,SignerStatus")
        List<String> signerStatus();

        /** Why a signer declined. */
        @WithDefault("DeclinedReason,DeclineReason")
        List<String> declineReason();

        /** The session's owner (an email). */
        @WithDefault("UserName,Username,Owner,SessionInfo.UserName,SessionInfo.Owner")
        List<String> owner();

        /**
         * Field names that hold a file's bytes (a number array or base64) in a files answer, in any object. For the
         * name, id and media type beside them, the name listed first wins where an object has several.
         */
        @WithDefault("FileBytes,DocumentBytes,FileContent,Bytes")
        List<String> fileBytes();

        /** Field names that hold the file's name in the same object. */
        @WithDefault("FileName,DocumentName,Name")
        List<String> fileName();

        /** Field names that hold the file's id in the same object (what a signer uploaded is fetched by it). */
        @WithDefault("DocumentId,SignerDocumentId,FileId,Id")
        List<String> fileId();

        /** Field names that hold the file's media type in the same object; without one, it is told by its first bytes. */
        @WithDefault("ContentType,MimeType,MediaType")
        List<String> fileContentType();
    }

    interface Retry {
        /** Retries of a failed call that is safe to repeat, with exponential backoff and jitter. */
        @WithDefault("2")
        int maxRetries();

        @WithDefault("100ms")
        Duration initialDelay();

        @WithDefault("1s")
        Duration maxDelay();

        @WithDefault("50ms")
        Duration jitter();
    }

    /** Wire formats the vendor's documentation leaves open; defaults follow its .NET sample. */
    interface Wire {
        @WithDefault("number-array")
        FileBytesFormat fileBytes();

        @WithDefault("microsoft-json")
        DateFormat dates();

        @WithDefault("object")
        DictionaryFormat dictionaries();

        @WithDefault("code")
        AuthMethodFormat authMethod();

        /**
         * Name of the signer's phone number in {@code AuthenticationSettings}. The vendor documents only that
         * the class carries the "SMS phone number", not the field's name.
         */
        @WithDefault("PhoneNumber")
        String smsPhoneField();
    }

    enum FileBytesFormat {
        /** {@code [37,80,68,70,…]}, what .NET's JavaScriptSerializer writes for a byte[]. */
        NUMBER_ARRAY,
        /** {@code "JVBERi0…"}. */
        BASE64
    }

    enum DateFormat {
        /** {@code "\/Date(1767225600000)\/"}. */
        MICROSOFT_JSON,
        /** {@code "2026-01-01T00:00:00Z"}. */
        ISO_8601
    }

    enum DictionaryFormat {
        /** {@code {"Key":"Value"}}. */
        OBJECT,
        /** {@code [{"Key":"Key","Value":"Value"}]}, the WCF form of a dictionary. */
        KEY_VALUE_ARRAY
    }

    enum AuthMethodFormat {
        /** The integer from {@code esign.vendor.auth-method-codes.*}. */
        CODE,
        /** The documented enum name: {@code None}, {@code Password}, {@code KBA}, {@code KBAPlusPassword}, {@code SMS}. */
        NAME
    }

    /**
     * Integer codes of the vendor's AuthenticationMethod enum. Undocumented: the defaults assume .NET's
     * numbering from 0 with {@code None} first; confirm them with the vendor.
     */
    interface AuthMethodCodes {
        @WithDefault("0")
        int none();

        @WithDefault("1")
        int password();

        @WithDefault("2")
        int kba();

        @WithDefault("3")
        int kbaPlusPassword();

        @WithDefault("4")
        int sms();
    }
}
