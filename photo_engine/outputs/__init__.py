"""Stage three, making the outputs: the frame a profile asks for, a new background, the files.

Geometry turns a measured head into source-to-output pixels; the backdrop paints the profile's colour
behind the person; render writes the digital JPEG, print sheets and the annotated preview atomically.
"""
