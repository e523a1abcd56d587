package com.esigngateway.vendor.model;

import com.esigngateway.config.VendorConfig.FileBytesFormat;
import com.esigngateway.vendor.wire.FileBytesSerializer;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The bytes of one document on their way to the vendor. The array is shared, never copied: the vendor
 * body is rendered from it chunk by chunk while it is sent.
 */
@RegisterForReflection
@JsonSerialize(using = FileBytesSerializer.class)
public final class FileBytes {

    private final byte[] content;
    private final FileBytesFormat format;

    public FileBytes(byte[] content, FileBytesFormat format) {
        this.content = content;
        this.format = format;
    }

    public byte[] content() {
        return content;
    }

    public FileBytesFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return "FileBytes[" + content.length + " bytes]";
    }
}
