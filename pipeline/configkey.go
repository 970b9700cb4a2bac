package pipeline

// KeyPos is where a config key was written ("briefing", "title"), falling
// back to its table's header and then to the file itself; renderers use it
// to name the key of a value they cannot lay out.
func (c *Config) KeyPos(parts ...string) Position { return c.keyPos(parts...) }
