/// Magic numbers of the binary formats most often found in a scraped drop folder by mistake
/// (attachments saved under a `.txt` name): the reject detail names the format.
///
/// ```swift
/// BinarySignature.match(Array("%PDF-1.7\n".utf8)[...])?.name   // "PDF document"
/// ```
struct BinarySignature: Sendable {
    /// What the file is, for the reject detail ("PDF document").
    var name: String
    /// The bytes the file starts with.
    var magic: [UInt8]

    /// The first signature `bytes` starts with, if any.
    static func match(_ bytes: ArraySlice<UInt8>) -> BinarySignature? {
        known.first { bytes.starts(with: $0.magic) }
    }

    // MARK: - Table

    static let known: [BinarySignature] = [
        BinarySignature(name: "PDF document", magic: Array("%PDF-".utf8)),
        BinarySignature(
            name: "ZIP archive or Office Open XML document (docx/xlsx/pptx)", magic: [0x50, 0x4B, 0x03, 0x04]),
        BinarySignature(name: "empty ZIP archive", magic: [0x50, 0x4B, 0x05, 0x06]),
        BinarySignature(
            name: "legacy Office document (doc/xls/ppt, OLE2)", magic: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        BinarySignature(name: "RTF document", magic: Array("{\\rtf".utf8)),
        BinarySignature(name: "PNG image", magic: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        BinarySignature(name: "JPEG image", magic: [0xFF, 0xD8, 0xFF]),
        BinarySignature(name: "GIF image", magic: Array("GIF87a".utf8)),
        BinarySignature(name: "GIF image", magic: Array("GIF89a".utf8)),
        BinarySignature(name: "BMP image", magic: [0x42, 0x4D, 0x36]),
        BinarySignature(name: "WebP image or WAV audio (RIFF)", magic: Array("RIFF".utf8)),
        BinarySignature(name: "TIFF image", magic: [0x49, 0x49, 0x2A, 0x00]),
        BinarySignature(name: "TIFF image", magic: [0x4D, 0x4D, 0x00, 0x2A]),
        BinarySignature(name: "gzip archive", magic: [0x1F, 0x8B]),
        BinarySignature(name: "bzip2 archive", magic: Array("BZh91AY&SY".utf8)),
        BinarySignature(name: "xz archive", magic: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        BinarySignature(name: "7-Zip archive", magic: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        BinarySignature(name: "RAR archive", magic: Array("Rar!".utf8) + [0x1A, 0x07]),
        BinarySignature(name: "ELF executable", magic: [0x7F, 0x45, 0x4C, 0x46]),
        BinarySignature(name: "SQLite database", magic: Array("SQLite format 3".utf8) + [0x00]),
        BinarySignature(name: "Ogg media", magic: Array("OggS".utf8)),
        BinarySignature(name: "MP3 audio (ID3)", magic: Array("ID3".utf8) + [0x03]),
        BinarySignature(name: "MP3 audio (ID3)", magic: Array("ID3".utf8) + [0x04]),
        BinarySignature(name: "Windows executable", magic: Array("MZ".utf8) + [0x90, 0x00]),
        BinarySignature(name: "Java class file", magic: [0xCA, 0xFE, 0xBA, 0xBE]),
    ]
}
