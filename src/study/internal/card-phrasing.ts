/**
 * Questions phrased from a table's column headers: "which <row name> <column>?" asks for a row's
 * name from one of its cells, "what is the <column> of <name>?" for a cell from the row's name.
 * Every word a learner must answer comes from the table; only the question's frame is written here.
 */

/** "tool" of a "Tool" column, "model family" of "Model Family". */
export function noun(header: string): string {
  return header.replace(/\?$/, "").trim().toLowerCase();
}

/**
 * The cell's text as it continues a question: a capitalised first word is lower-cased ("Data
 * manipulation" → "data manipulation") unless it is a name ("NLP/vision", "Hugging Face demos").
 */
function continuing(value: string): string {
  const [first = "", second = ""] = value.split(/\s+/);
  const plainWord = /^[A-Z][a-z]+(?:[-/][a-z]+)*,?$/.test(first);
  if (plainWord && !/^[A-Z]/.test(second)) return value.charAt(0).toLowerCase() + value.slice(1);
  return value;
}

/** "Which tool is used for data and model version control?" for a row name asked by one cell. */
export function askForName(keyHeader: string, header: string, value: string): string {
  const key = noun(keyHeader);
  const column = noun(header);
  const text = continuing(value);
  if (/^purpose$|^used for$/.test(column)) return `Which ${key} is used for ${text}?`;
  if (column === "why it matters") return `Which ${key} ${text.replace(/\.$/, "")}?`;
  const whatIt = /^what it (\w+)$/.exec(column);
  if (whatIt !== null) return `Which ${key} ${whatIt[1]} ${text}?`;
  if (column === "best for") return `Which ${key} is best for ${text}?`;
  if (column === "when to use") return `Which ${key} do you use for ${text}?`;
  if (column === "stack") return `Which ${key} is built with ${value}?`;
  if (column === "strength") return `Which ${key} has this strength: ${text}?`;
  if (column === "limitation") return `Which ${key} has this limitation: ${text}?`;
  if (/hyperparameters?$/.test(column)) return `Which ${key} has the ${column} ${text}?`;
  if (/implementation$/.test(column)) return `Which ${key} has the ${column} ${text}?`;
  return `Which ${key} has the ${column} "${value}"?`;
}

/** "What is DVC used for?" for one cell of the row named `name`. */
export function askForCell(header: string, name: string, keyHeader: string): string {
  const column = noun(header);
  const key = noun(keyHeader);
  if (/^purpose$|^used for$/.test(column)) return `What is ${name} used for?`;
  if (column === "why it matters") return `Why does ${name} matter?`;
  const whatIt = /^what it (\w+)$/.exec(column);
  if (whatIt !== null) {
    const verb = whatIt[1] === "means" ? "mean" : (whatIt[1] ?? "").replace(/s$/, "");
    return `What does the ${key} ${name} ${verb}?`;
  }
  if (column === "best for") return `What is ${name} best for?`;
  if (column === "when to use") return `When should you use ${name}?`;
  if (column === "build time") return `How long does the ${key} ${name} take to build?`;
  if (column === "stack") return `Which stack does the ${key} ${name} use?`;
  const verb = /[^s]s$/.test(column) ? "are" : "is";
  return `What ${verb} the ${column} of ${name}?`;
}
