"""Writes the colour maps Gradus draws with, sampled from matplotlib (viridis is CC0, by S. van der Walt
and N. Smith): 256 rows of r,g,b in 0..255. Run: /usr/bin/python3 plot/python/colormaps.py"""
import os
import matplotlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "org", "gradus", "plot")

for name in ["viridis"]:
    cmap = matplotlib.colormaps[name]
    with open(os.path.join(OUT, name + ".csv"), "w") as fh:
        fh.write("# %s from matplotlib %s, 256 samples, r,g,b in 0..255 (plot/python/colormaps.py)\n" % (name, matplotlib.__version__))
        for i in range(256):
            r, g, b, _ = cmap(i / 255.0)
            fh.write("%d,%d,%d\n" % (round(r * 255), round(g * 255), round(b * 255)))
