/** A linked .xlsx (an export, a printable form) in the browser: a download of the function's short-lived link. */
export const openXlsx = async (file: { fileName: string; url: string }): Promise<boolean> => {
  try {
    const link = document.createElement('a');
    link.href = file.url;
    link.download = file.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return true;
  } catch {
    return false;
  }
};
