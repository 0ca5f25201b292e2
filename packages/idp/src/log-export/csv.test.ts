import { describe, expect, it } from 'vitest'
import { csvCell, csvDocument } from './csv'

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('Simon, B.')).toBe('"Simon, B."')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('a=b')).toBe('a=b')
  })
})

describe('csvDocument', () => {
  it('writes the header, then a CRLF row per entry, each cell quoted as needed', () => {
    expect(
      csvDocument(
        ['A', 'B'],
        [
          ['1', 'x,y'],
          ['=2', ''],
        ],
      ),
    ).toBe('A,B\r\n1,"x,y"\r\n\'=2,\r\n')
  })
})
