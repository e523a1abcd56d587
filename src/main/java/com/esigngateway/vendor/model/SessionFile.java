package com.esigngateway.vendor.model;

import com.esigngateway.document.DocumentContent;

/**
 * One file of a vendor files answer: its name, id and content type as the vendor gave them (each null when it gave
 * none; none of them safe to use as is) and its decoded bytes.
 */
public record SessionFile(String name, String id, String contentType, DocumentContent content) {

    /** Removes the file's temporary file, if any. */
    public void release() {
        content.release();
    }
}
