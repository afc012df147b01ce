package org.zonelake.pipelines.image;

import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The EXIF of an image as node properties, each only when present: {@code camera_make}, {@code camera_model},
 * {@code lens_model}, {@code software}, {@code orientation} (1-8), {@code taken_at} (ISO-8601, with the offset when
 * the camera recorded one, else local time as shot), {@code exposure_time_s}, {@code f_number}, {@code iso},
 * {@code focal_length_mm}, {@code gps_latitude}, {@code gps_longitude} (decimal degrees), {@code gps_altitude_m}.
 */
final class ExifProperties {
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private ExifProperties() {}

    static Map<String, Object> of(Metadata metadata) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Directory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        text(properties, "camera_make", ifd0, ExifDirectoryBase.TAG_MAKE);
        text(properties, "camera_model", ifd0, ExifDirectoryBase.TAG_MODEL);
        text(properties, "lens_model", sub, ExifDirectoryBase.TAG_LENS_MODEL);
        text(properties, "software", ifd0, ExifDirectoryBase.TAG_SOFTWARE);
        integer(properties, "orientation", ifd0, ExifDirectoryBase.TAG_ORIENTATION);
        takenAt(properties, ifd0, sub);
        decimal(properties, "exposure_time_s", sub, ExifDirectoryBase.TAG_EXPOSURE_TIME);
        decimal(properties, "f_number", sub, ExifDirectoryBase.TAG_FNUMBER);
        integer(properties, "iso", sub, ExifDirectoryBase.TAG_ISO_EQUIVALENT);
        decimal(properties, "focal_length_mm", sub, ExifDirectoryBase.TAG_FOCAL_LENGTH);
        gps(properties, metadata.getFirstDirectoryOfType(GpsDirectory.class));
        return properties;
    }

    private static void takenAt(Map<String, Object> properties, Directory ifd0, Directory sub) {
        String original = sub == null ? null : sub.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
        String when = original != null ? original : ifd0 == null ? null : ifd0.getString(ExifDirectoryBase.TAG_DATETIME);
        if (when == null) {
            return;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(when.trim(), EXIF_TIME);
            String offset = original != null ? sub.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL) : null;
            String taken = offset == null ? local.toString() : OffsetDateTime.of(local, ZoneOffset.of(offset.trim())).toString();
            properties.put("taken_at", taken);
        } catch (DateTimeException e) {
            // Cameras without a clock write "0000:00:00 00:00:00": no date, not a bad image.
        }
    }

    private static void gps(Map<String, Object> properties, GpsDirectory gps) {
        if (gps == null) {
            return;
        }
        GeoLocation location = gps.getGeoLocation();
        if (location != null && !location.isZero()) {
            properties.put("gps_latitude", location.getLatitude());
            properties.put("gps_longitude", location.getLongitude());
        }
        Rational altitude = gps.getRational(GpsDirectory.TAG_ALTITUDE);
        if (altitude != null) {
            Integer reference = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
            properties.put("gps_altitude_m", (reference != null && reference == 1 ? -1 : 1) * altitude.doubleValue());
        }
    }

    private static void text(Map<String, Object> properties, String name, Directory directory, int tag) {
        String value = directory == null ? null : directory.getString(tag);
        if (value != null && !value.isBlank()) {
            properties.put(name, value.trim());
        }
    }

    private static void integer(Map<String, Object> properties, String name, Directory directory, int tag) {
        Integer value = directory == null ? null : directory.getInteger(tag);
        if (value != null) {
            properties.put(name, value.longValue());
        }
    }

    private static void decimal(Map<String, Object> properties, String name, Directory directory, int tag) {
        Rational value = directory == null ? null : directory.getRational(tag);
        if (value != null && value.getDenominator() != 0) {
            properties.put(name, value.doubleValue());
        }
    }
}
