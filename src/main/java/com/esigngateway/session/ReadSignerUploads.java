package com.esigngateway.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SignerUpload;
import com.esigngateway.api.model.SignerUploads;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.VendorGateway.SignerDocumentsQuery;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.SessionDetails;
import com.esigngateway.vendor.model.SessionFile;

import io.smallrye.mutiny.Uni;

/**
 * What a signer uploaded (GetSignerDocuments), a page at a time, and one upload by its id. The session is read first,
 * for the ownership check and the signer. An upload's id is the vendor's document id where it gives one, else its
 * position among the signer's uploads (from 1, in the vendor's order), which stays the same as more arrive as long as
 * the vendor lists them oldest first.
 */
@ApplicationScoped
public class ReadSignerUploads {

    /** Pages looked through for one upload: {@code MAX_PAGES} × the page size uploads at most. */
    static final int MAX_PAGES = 40;

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final SessionAccess access;
    private final VendorConfig config;

    ReadSignerUploads(VendorGateway vendor, RequestDeadlines deadlines, SessionAccess access, VendorConfig config) {
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.access = access;
        this.config = config;
    }

    /** One upload, its bytes in a temporary file the caller releases. */
    public record Upload(String id, String fileName, String contentType, com.esigngateway.document.DocumentContent content) {
    }

    public Uni<SignerUploads> list(String sessionId, String signerId, int page, CallerRequest request) {
        Deadline deadline = deadlines.startDownload(request.caller());
        return signer(sessionId, signerId, request, deadline).chain(owner -> page(owner, sessionId, signerId, page,
                request, deadline)).map(uploads -> {
                    try {
                        return new SignerUploads().sessionId(sessionId).signerId(signerId).page(page)
                                .hasMore(uploads.size() >= pageSize())
                                .uploads(uploads.stream().map(upload -> new SignerUpload().id(upload.id())
                                        .fileName(upload.fileName()).contentType(upload.contentType())
                                        .size(upload.content().length())).toList());
                    } finally {
                        uploads.forEach(upload -> upload.content().release());
                    }
                });
    }

    public Uni<Upload> get(String sessionId, String signerId, String uploadId, CallerRequest request) {
        Deadline deadline = deadlines.startDownload(request.caller());
        return signer(sessionId, signerId, request, deadline)
                .chain(owner -> find(owner, sessionId, signerId, uploadId, 0, request, deadline));
    }

    private Uni<Upload> find(String owner, String sessionId, String signerId, String uploadId, int page,
            CallerRequest request, Deadline deadline) {
        return page(owner, sessionId, signerId, page, request, deadline).chain(uploads -> {
            Upload found = null;
            for (Upload upload : uploads) {
                if (found == null && upload.id().equalsIgnoreCase(uploadId)) {
                    found = upload;
                } else {
                    upload.content().release();
                }
            }
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            if (uploads.size() < pageSize() || page + 1 >= MAX_PAGES) {
                return Uni.createFrom().failure(new SessionFailure(SessionFailure.Kind.UPLOAD_NOT_FOUND,
                        "The signer has no upload with this id."));
            }
            return find(owner, sessionId, signerId, uploadId, page + 1, request, deadline);
        });
    }

    /** The session's owner, once the caller may see the session and it has the signer. */
    private Uni<String> signer(String sessionId, String signerId, CallerRequest request, Deadline deadline) {
        return access.session(sessionId, request, deadline).map(answer -> {
            SessionDetails session = answer.value();
            session.signer(signerId).orElseThrow(() -> new SessionFailure(SessionFailure.Kind.SIGNER_NOT_FOUND,
                    "The session has no signer with this id."));
            String owner = session.owner() != null ? session.owner() : request.owner();
            if (owner == null) {
                throw new VendorException(VendorFailure.BAD_ANSWER,
                        "The vendor's GetSession answer names no owner, which GetSignerDocuments needs.");
            }
            return owner;
        });
    }

    /** One page, each upload with its id, safe name and media type; the files are the caller's to release. */
    private Uni<List<Upload>> page(String owner, String sessionId, String signerId, int page, CallerRequest request,
            Deadline deadline) {
        int pageSize = pageSize();
        SignerDocumentsQuery query = new SignerDocumentsQuery(owner, sessionId, signerId,
                config.paths().signerDocumentsFirstPage() + page, pageSize);
        return vendor.signerDocuments(query, request.requestId(), deadline).map(files -> {
            List<Upload> uploads = new ArrayList<>(files.size());
            Set<String> taken = new HashSet<>();
            for (int i = 0; i < files.size(); i++) {
                SessionFile file = files.get(i);
                long position = (long) page * pageSize + i + 1;
                String contentType = MediaTypes.of(file.contentType(), file.content());
                String fallback = "upload-" + position + MediaTypes.extension(contentType);
                uploads.add(new Upload(id(file, position), FileNames.unique(FileNames.safe(file.name(), fallback), taken),
                        contentType, file.content()));
            }
            return uploads;
        });
    }

    /** The vendor's id when it is one a path can carry, else the position. */
    private static String id(SessionFile file, long position) {
        return file.id() != null && file.id().matches("[A-Za-z0-9-]{1,100}") ? file.id() : String.valueOf(position);
    }

    private int pageSize() {
        return Math.max(1, config.paths().signerDocumentsPageSize());
    }
}
