/** Table of migration 0038: which Kolada organisational unit (ou) a school unit is (issue 15, item 8). */
export interface SchoolTables {
  school_unit_kolada_ou: {
    unit_id: string;
    kolada_ou: string;
  };
}
