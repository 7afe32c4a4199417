// exceljs's streaming reader loaded on its own (read-xlsx.ts): the module exports the class the library's
// types describe as `stream.xlsx.WorkbookReader`.
declare module "exceljs/lib/stream/xlsx/workbook-reader.js" {
  import type ExcelJS from "exceljs";
  const WorkbookReader: typeof ExcelJS.stream.xlsx.WorkbookReader;
  export default WorkbookReader;
}
