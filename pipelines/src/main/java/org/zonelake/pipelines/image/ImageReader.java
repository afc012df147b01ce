package org.zonelake.pipelines.image;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an image's format, dimensions and EXIF with metadata-extractor, from its headers and metadata segments only:
 * pixels are never decoded. TIFF, whose directories may sit anywhere in the file, is read from the file by random
 * access rather than buffered from a stream.
 */
final class ImageReader {
    static final Set<FileType> SUPPORTED = Set.of(FileType.Jpeg, FileType.Png, FileType.Gif, FileType.WebP, FileType.Tiff);
    private static final Map<FileType, Dimensions> DIMENSIONS = Map.of(
            FileType.Jpeg, new Dimensions(JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT),
            FileType.Png, new Dimensions(PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT),
            FileType.Gif, new Dimensions(GifHeaderDirectory.class, GifHeaderDirectory.TAG_IMAGE_WIDTH,
                    GifHeaderDirectory.TAG_IMAGE_HEIGHT),
            FileType.WebP, new Dimensions(WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT),
            FileType.Tiff, new Dimensions(ExifIFD0Directory.class, ExifIFD0Directory.TAG_IMAGE_WIDTH,
                    ExifIFD0Directory.TAG_IMAGE_HEIGHT));

    private ImageReader() {}

    /** The image is not one of the supported kinds ({@code notAnImage}: not an image at all), or unreadable. */
    static final class UnreadableImageException extends Exception {
        final boolean otherImageFormat;

        UnreadableImageException(String reason, boolean otherImageFormat) {
            super(reason, null, false, false);
            this.otherImageFormat = otherImageFormat;
        }
    }

    static ImageFacts read(Path file) throws IOException, UnreadableImageException {
        FileType type = detect(file);
        Metadata metadata = metadata(file, type);
        String format = type.getName().toUpperCase(Locale.ROOT);
        Dimensions dimensions = DIMENSIONS.get(type);
        Integer width = integer(metadata, dimensions.directory, dimensions.width);
        Integer height = integer(metadata, dimensions.directory, dimensions.height);
        if (width == null || height == null || width <= 0 || height <= 0) {
            throw new UnreadableImageException("unreadable " + format + ": its header gives no width and height" + errors(metadata),
                    false);
        }
        List<String> errors = errorList(metadata, dimensions.directory);
        if (!errors.isEmpty()) {
            throw new UnreadableImageException("unreadable " + format + ": " + String.join("; ", errors), false);
        }
        return new ImageFacts(format, type.getMimeType(), width, height, ExifProperties.of(metadata));
    }

    private static FileType detect(Path file) throws IOException, UnreadableImageException {
        FileType type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = FileTypeDetector.detectFileType(in);
        }
        if (SUPPORTED.contains(type)) {
            return type;
        }
        if (type == FileType.Unknown) {
            throw new UnreadableImageException("not an image: the bytes begin like none of JPEG, PNG, GIF, WebP or TIFF", false);
        }
        boolean image = type.getMimeType() != null && type.getMimeType().startsWith("image/");
        String reason = image ? type.getName() + " images are not read by graph-image (JPEG, PNG, GIF, WebP and TIFF are)"
                : "not an image: the bytes are " + type.getLongName();
        throw new UnreadableImageException(reason, image);
    }

    private static Metadata metadata(Path file, FileType type) throws IOException, UnreadableImageException {
        try {
            if (type == FileType.Tiff) {
                return TiffMetadataReader.readMetadata(file.toFile());
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                return ImageMetadataReader.readMetadata(in, Files.size(file), type);
            }
        } catch (EOFException e) {
            throw new UnreadableImageException("unreadable " + type.getName() + ": the file is cut short (" + e.getMessage() + ")",
                    false);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // The reader's own message names what is wrong ("Unexpected end of stream", "Invalid chunk length"...).
            throw new UnreadableImageException("unreadable " + type.getName() + ": " + e.getMessage(), false);
        }
    }

    private static Integer integer(Metadata metadata, Class<? extends Directory> kind, int tag) {
        for (Directory directory : metadata.getDirectoriesOfType(kind)) {
            if (directory.containsTag(tag)) {
                return directory.getInteger(tag);
            }
        }
        return null;
    }

    // Errors of the format's own directories (or of the reader itself) mean a damaged file; EXIF quirks do not.
    private static List<String> errorList(Metadata metadata, Class<? extends Directory> format) {
        List<String> errors = new ArrayList<>();
        for (Directory directory : metadata.getDirectories()) {
            boolean own = format.isInstance(directory) || directory.getClass().getSimpleName().equals("ErrorDirectory");
            if (own && directory.hasErrors()) {
                directory.getErrors().forEach(errors::add);
            }
        }
        return errors;
    }

    private static String errors(Metadata metadata) {
        List<String> all = new ArrayList<>();
        metadata.getDirectories().forEach(directory -> directory.getErrors().forEach(all::add));
        return all.isEmpty() ? "" : " (" + String.join("; ", all) + ")";
    }

    private record Dimensions(Class<? extends Directory> directory, int width, int height) {}
}
