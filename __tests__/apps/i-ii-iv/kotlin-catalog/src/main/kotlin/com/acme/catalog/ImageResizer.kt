package com.acme.catalog

import java.nio.file.Path

class ImageResizer {
    fun thumbnail(src: Path, out: Path): Int =
        ProcessBuilder("magick", src.toString(), "-resize", "300x300", out.toString()).start().waitFor()
}
