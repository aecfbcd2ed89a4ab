package org.gradus.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file with a header row into a {@link DataSet} (commons-csv does the parsing: quoting,
 * blank lines, CRLF). Every cell must be a number; the first bad cell is reported as
 * {@code houses.csv line 3, column age: 'abc' is not a number}.
 */
public final class CsvLoader {
    private CsvLoader() {
    }

    public static DataSet load(Path file, String target) {
        String fileName = file.getFileName().toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
            List<String> columns = new ArrayList<>(parser.getHeaderNames());
            if (columns.isEmpty()) throw new DataFileException(fileName + " has no header row");
            if (target != null && !columns.contains(target)) {
                throw new DataFileException(fileName + " has no column '" + target + "'; its columns are " + columns);
            }
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                long line = rec.getParser().getCurrentLineNumber();
                if (rec.size() != columns.size()) {
                    throw new DataFileException(fileName + " line " + line + ": " + rec.size() + " value(s), but the header has "
                            + columns.size() + " columns " + columns);
                }
                double[] row = new double[columns.size()];
                for (int j = 0; j < row.length; j++) {
                    String cell = rec.get(j);
                    try {
                        row[j] = Double.parseDouble(cell);
                        if (!Double.isFinite(row[j])) {
                            throw new DataFileException(fileName + " line " + line + ", column " + columns.get(j) + ": '" + cell
                                    + "' is not a finite number");
                        }
                    } catch (NumberFormatException e) {
                        throw new DataFileException(fileName + " line " + line + ", column " + columns.get(j) + ": '" + cell
                                + "' is not a number");
                    }
                }
                rows.add(row);
            }
            if (rows.isEmpty()) throw new DataFileException(fileName + " has a header but no rows");
            return new DataSet(fileName.replaceFirst("\\.[^.]*$", ""), columns, rows.toArray(new double[0][]), target);
        } catch (NoSuchFileException e) {
            throw new DataFileException("no data file " + file);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof DataFileException) throw (DataFileException) e;
            throw new DataFileException("cannot read " + fileName + ": " + e.getMessage(), e);
        }
    }
}
