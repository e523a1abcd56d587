package com.esigngateway.vendor.model;

import com.esigngateway.config.VendorConfig.FileBytesFormat;
import com.esigngateway.document.DocumentSource;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The bytes of one document on their way to the vendor. Never copied: the vendor body is rendered
 * from the source chunk by chunk while it is sent.
 */
@RegisterForReflection
public final class FileBytes {

    private final DocumentSource source;
    private final FileBytesFormat format;

    public FileBytes(DocumentSource source, FileBytesFormat format) {
        this.source = source;
        this.format = format;
    }

    public DocumentSource source() {
        return source;
    }

    public FileBytesFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return "FileBytes[" + source.length() + " bytes]";
    }
}
