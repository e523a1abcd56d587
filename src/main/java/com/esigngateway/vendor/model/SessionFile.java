package com.esigngateway.vendor.model;

import com.esigngateway.document.DocumentContent;

/**
 * One file of a vendor files answer: its name as the vendor gave it (null when it gave none; never safe to use as
 * is) and its decoded bytes.
 */
public record SessionFile(String name, DocumentContent content) {

    /** Removes the file's temporary file, if any. */
    public void release() {
        content.release();
    }
}
