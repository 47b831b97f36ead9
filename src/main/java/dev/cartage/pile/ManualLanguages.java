package dev.cartage.pile;

import java.util.List;

/** The languages of the pile, with the keywords and sample programs their manuals quote. */
final class ManualLanguages {

    static final List<Language> ALL = List.of(
            new Language("ALGOL 60", 1960, "the IFIP Working Group 2.1", "algol", "ALGOL_60",
                    List.of("begin", "end", "own", "switch", "for", "step", "until", "procedure", "value"), """
                    begin
                      integer i; real sum;
                      sum := 0;
                      for i := 1 step 1 until 10 do
                        sum := sum + 1 / i;
                      outreal(1, sum)
                    end"""),
            new Language("COBOL", 1959, "the CODASYL committee", "cobol", "COBOL",
                    List.of("MOVE", "PERFORM", "COMPUTE", "PICTURE", "REDEFINES", "OCCURS", "DISPLAY"), """
                    IDENTIFICATION DIVISION.
                    PROGRAM-ID. PAYROLL.
                    DATA DIVISION.
                    WORKING-STORAGE SECTION.
                    01 WS-TOTAL PIC 9(7)V99 VALUE ZERO.
                    PROCEDURE DIVISION.
                        ADD 1500.75 TO WS-TOTAL.
                        DISPLAY "TOTAL: " WS-TOTAL.
                        STOP RUN."""),
            new Language("FORTRAN IV", 1962, "IBM", "fortran", "Fortran",
                    List.of("DIMENSION", "COMMON", "EQUIVALENCE", "FORMAT", "DO", "GO TO", "READ", "WRITE"), """
                    C     COMPUTE THE MEAN OF N VALUES
                          DIMENSION X(100)
                          READ (5,10) N, (X(I), I=1,N)
                       10 FORMAT (I5/(F10.2))
                          S = 0.0
                          DO 20 I = 1, N
                       20 S = S + X(I)
                          WRITE (6,30) S/N
                       30 FORMAT (' MEAN = ', F10.4)
                          STOP
                          END"""),
            new Language("PL/I", 1964, "IBM and the SHARE user group", "pli", "PL/I",
                    List.of("DECLARE", "PROCEDURE", "ON ENDFILE", "PUT SKIP", "GET LIST", "ALLOCATE", "BASED"), """
                    HELLO: PROCEDURE OPTIONS(MAIN);
                       DECLARE COUNT FIXED BINARY(31) INITIAL(0);
                       DO WHILE (COUNT < 3);
                          COUNT = COUNT + 1;
                          PUT SKIP LIST('ITERATION', COUNT);
                       END;
                    END HELLO;"""),
            new Language("SNOBOL4", 1967, "Bell Telephone Laboratories", "snobol", "SNOBOL",
                    List.of("BREAK", "SPAN", "ARB", "LEN", "DEFINE", "INPUT", "OUTPUT", "&ANCHOR"), """
                            &TRIM = 1
                            WORDPAT = BREAK(' ') . WORD SPAN(' ')
                    LOOP    LINE = INPUT                    :F(END)
                    NEXT    LINE WORDPAT =                  :F(LOOP)
                            OUTPUT = WORD                   :(NEXT)
                    END"""),
            new Language("APL\\360", 1966, "Kenneth E. Iverson at IBM", "apl", "APL_(programming_language)",
                    List.of("⍴ (rho)", "⍳ (iota)", "+/ (reduce)", "∘. (outer product)", "⍉ (transpose)",
                            "∇ (del)"), """
                        ∇ R←AVG X
                    [1]   R←(+/X)÷⍴X
                        ∇
                        AVG 3 1 4 1 5 9
                    3.833333333"""),
            new Language("BCPL", 1967, "Martin Richards at Cambridge", "bcpl", "BCPL",
                    List.of("LET", "VALOF", "RESULTIS", "MANIFEST", "GLOBAL", "SWITCHON", "WRITEF"), """
                    GET "LIBHDR"

                    LET START() BE
                    $( LET SUM = 0
                       FOR I = 1 TO 10 DO SUM := SUM + I
                       WRITEF("SUM IS %N*N", SUM)
                    $)"""),
            new Language("Simula 67", 1967, "Ole-Johan Dahl and Kristen Nygaard", "simula", "Simula",
                    List.of("CLASS", "REF", "NEW", "INSPECT", "VIRTUAL", "DETACH", "RESUME"), """
                    BEGIN
                       CLASS Point(x, y); REAL x, y;
                       BEGIN
                          REAL PROCEDURE Norm; Norm := Sqrt(x**2 + y**2);
                       END;
                       REF(Point) p;
                       p :- NEW Point(3, 4);
                       OutFix(p.Norm, 2, 6); OutImage;
                    END;"""),
            new Language("JOSS", 1963, "Cliff Shaw at the RAND Corporation", "joss", "JOSS",
                    List.of("Set", "Do part", "Type", "Demand", "Form", "Delete", "Go"), """
                    1.1 Set x = 0.
                    1.2 Do part 2 for i = 1(1)10.
                    1.3 Type x in form 1.
                    2.1 Set x = x + i*i.
                    Form 1:
                    sum of squares = ______"""),
            new Language("Modula-2", 1978, "Niklaus Wirth at ETH Zürich", "modula2", "Modula-2",
                    List.of("MODULE", "IMPORT", "EXPORT", "PROCEDURE", "POINTER TO", "LOOP", "EXIT"), """
                    MODULE Sum;
                    FROM InOut IMPORT WriteInt, WriteLn;
                    VAR i, total: INTEGER;
                    BEGIN
                      total := 0;
                      FOR i := 1 TO 10 DO INC(total, i) END;
                      WriteInt(total, 6); WriteLn
                    END Sum."""),
            new Language("LISP 1.5", 1962, "John McCarthy at MIT", "lisp", "Lisp_(programming_language)",
                    List.of("DEFINE", "LAMBDA", "COND", "CAR", "CDR", "CONS", "PROG"), """
                    DEFINE ((
                      (FACTORIAL (LAMBDA (N)
                        (COND ((ZEROP N) 1)
                              (T (TIMES N (FACTORIAL (SUB1 N)))))))
                    ))
                    FACTORIAL (5)"""),
            new Language("Dartmouth BASIC", 1964, "John Kemeny and Thomas Kurtz", "basic", "Dartmouth_BASIC",
                    List.of("LET", "PRINT", "GOTO", "GOSUB", "FOR", "NEXT", "DATA", "READ"), """
                    10 REM TABLE OF SQUARES
                    20 FOR I = 1 TO 10
                    30 PRINT I, I*I
                    40 NEXT I
                    50 END"""));

    private ManualLanguages() {
    }
}
