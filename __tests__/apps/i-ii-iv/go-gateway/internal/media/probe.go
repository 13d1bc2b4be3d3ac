package media

import "os/exec"

// Probe returns ffprobe's JSON description of a media file.
func Probe(file string) string {
	out, err := exec.Command("ffprobe", "-v", "quiet", "-print_format", "json", "-show_format", file).Output()
	if err != nil {
		return ""
	}
	return string(out)
}
