package com.esigngateway.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.esigngateway.security.ApiKeyIdentityProvider;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One start for the tests that each need a setting of their own, where no test of the group meets another's setting:
 * <ul>
 * <li>{@code api/SmsPhoneFieldTest}: the SMS phone travels in {@code SMSMobileNumber};</li>
 * <li>{@code vendor/auth/EncryptedApiKeyTest}: the encrypted API key is configured (no EncryptString call);</li>
 * <li>{@code security/ApiKeyAuthenticationTest}: three more clients ({@link #CRM_KEY} for one owner, {@link #HR_KEY}
 * for a domain and an address, and {@link #READER_KEY} whose hash is in upper case and whose only role is
 * {@code metrics}); JWT verification configured, JWT callers off;</li>
 * <li>{@code security/JwtCallersSwitchedOffTest}: JWTs read from the {@code access_token} cookie, JWT callers off;</li>
 * <li>{@code session/OutcomeUnknownTest}: a session breaker that the vendor failures of one test cannot open for the
 * next one, a 2 s vendor time limit (the packaged application runs the prod profile: 30 s);</li>
 * <li>{@code vendor/UploadBulkheadTest}: two upload slots and no queue (every other test here uploads one at a
 * time);</li>
 * <li>{@code api/LargeDocumentTest}: documents over 64 KiB spooled to {@link #SPOOL}, at most 12 MiB of it.</li>
 * </ul>
 */
public class VariantsProfile implements QuarkusTestProfile {

    public static final String CRM_KEY = "crm-key-7f3a";
    public static final String READER_KEY = "reader-key-91bc";
    public static final String HR_KEY = "hr-key-2c5d";
    public static final Path SPOOL = Path.of("target/test-spool");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(TestJwts.verification());
        config.put("esign.vendor.wire.sms-phone-field", "SMSMobileNumber");
        config.put("esign.vendor.encrypted-api-key", "PRE-ENCRYPTED==");
        config.put("esign.gateway.clients.crm.key-sha256", ApiKeyIdentityProvider.hashOf(CRM_KEY));
        config.put("esign.gateway.clients.reader.key-sha256", ApiKeyIdentityProvider.hashOf(READER_KEY).toUpperCase());
        config.put("esign.gateway.clients.reader.roles", "metrics");
        config.put("esign.gateway.clients.crm.owners", "agent@example.com");
        config.put("esign.gateway.clients.reader.owners", "*");
        config.put("esign.gateway.clients.hr.key-sha256", ApiKeyIdentityProvider.hashOf(HR_KEY));
        config.put("esign.gateway.clients.hr.owners", "*@hr.example, payroll@example.org");
        config.put("mp.jwt.token.header", "Cookie");
        config.put("mp.jwt.token.cookie", "access_token");
        config.put("esign.upstream.circuit-breaker.request-volume", "1000");
        config.put("esign.vendor.timeout", "2s");
        config.put("esign.upstream.max-concurrent", "2");
        config.put("esign.upstream.queue", "0");
        config.put("esign.gateway.spool-threshold", "64K");
        config.put("esign.gateway.spool-directory", SPOOL.toString());
        config.put("esign.gateway.spool-capacity", "12M");
        return config;
    }
}
